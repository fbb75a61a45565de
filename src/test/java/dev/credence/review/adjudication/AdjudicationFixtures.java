package dev.credence.review.adjudication;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.HopInput;
import dev.credence.annotation.SpanInput;
import dev.credence.document.Document;
import dev.credence.project.Project;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A project with manager mona, reviewers rita and sam, adjudicator ada and outsider olga, and one article
 * that rita and sam annotate: one claim identical in both layers, one where their credibility differs,
 * one only rita marked. A {@code @Singleton} (no client proxy), so tests can read its fields.
 */
@Singleton
public class AdjudicationFixtures {
    public static final String AGREED = "had targeted 14 shipping companies since March";
    public static final String DISPUTED = "the group used a new backdoor";
    public static final String ONLY_RITA = "more attacks are likely";

    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    public AnnotationService annotations;

    public User mona;
    public User rita;
    public User sam;
    public User ada;
    public Project project;
    public Document doc;

    public void setUp() {
        data.reset();
        mona = data.user("mona");
        rita = data.user("rita");
        sam = data.user("sam");
        ada = data.user("ada");
        data.user("olga");
        project = data.project("Strait watch", mona);
        data.member(project, "rita", "reviewer");
        data.member(project, "sam", "reviewer");
        data.member(project, "ada", "adjudicator");
        data.project("Other team", User.findByUsername("olga").orElseThrow());
        doc = fixtures.document(project, "Lanternfish report", ARTICLE);
    }

    public static ClaimInput claim(String needle, int credibility, String lastReliability) {
        SpanInput s = span(ARTICLE, needle);
        return new ClaimInput(s.start(), s.end(), "event", "asserted", true, credibility, null, null, List.of(
                new HopInput(null, "Lanternfish", "firm_report", null, span(ARTICLE, "Lanternfish"), null, null,
                        "asserts", "B"),
                new HopInput(null, "Harbor Courier", "independent_media", null, span(ARTICLE, "Harbor Courier"), null,
                        span(ARTICLE, "told"), "reports", lastReliability)));
    }

    /** Rita's layer (not submitted). */
    public void ritaAnnotates() {
        annotations.createClaim(doc, rita, claim(AGREED, 3, "C"));
        annotations.createClaim(doc, rita, claim(DISPUTED, 2, "C"));
        annotations.createClaim(doc, rita, claim(ONLY_RITA, 4, "D"));
    }

    /** Sam's layer (not submitted). */
    public void samAnnotates() {
        annotations.createClaim(doc, sam, claim(AGREED, 3, "C"));
        annotations.createClaim(doc, sam, claim(DISPUTED, 4, "C"));
    }

    public void submit(User u) {
        annotations.submit(annotations.layerFor(doc, u), u);
    }

    /** Both layers annotated and submitted. */
    public void bothSubmitted() {
        ritaAnnotates();
        samAnnotates();
        submit(rita);
        submit(sam);
    }
}
