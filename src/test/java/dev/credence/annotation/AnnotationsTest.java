package dev.credence.annotation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotationsTest {
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;
    @Inject
    AnnotationService annotations;

    User reviewer;
    Document doc;
    Map<String, String> session;

    @BeforeEach
    void setUp() {
        data.reset();
        reviewer = data.user("rita");
        data.user("outsider");
        Project p = data.project("Harbours", reviewer);
        doc = fixtures.document(p, reviewer, "Port probes", DocumentPageFixtures.TEXT);
        session = TestData.login("rita");
    }

    private String page() {
        return "/documents/" + doc.id;
    }

    private TestData.Csrf csrf() {
        return TestData.csrf(session, page());
    }

    private int start() {
        return DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
    }

    private int end() {
        return start() + DocumentPageFixtures.SENTENCE.codePointCount(0, DocumentPageFixtures.SENTENCE.length());
    }

    private Response postClaim(TestData.Csrf csrf, boolean htmx, String credibility) {
        var req = csrf.form().formParam("start", start()).formParam("end", end())
                .formParam("kind", "event").formParam("stance", "asserted").formParam("checkWorthy", "true")
                .formParam("credibility", credibility)
                .formParam("hops[0].sourceName", "Kestrel Labs").formParam("hops[0].sourceType", "firm_report")
                .formParam("hops[0].relation", "asserts").formParam("hops[0].reliability", "C")
                .formParam("hops[1].sourceName", "Daily Meridian").formParam("hops[1].sourceType", "independent_media")
                .formParam("hops[1].relation", "reports").formParam("hops[1].reliability", "B");
        if (htmx) {
            req = req.header("HX-Request", "true");
        }
        return req.when().post(page() + "/claims");
    }

    @Test
    void pageRendersForMemberAnd404ForOthers() {
        String html = given().cookies(session).when().get(page()).then().statusCode(200).extract().asString();
        var d = Jsoup.parse(html);
        assertEquals("Port probes", d.select("h1").text());
        assertEquals(DocumentPageFixtures.TEXT, d.select("#doc-text").first().wholeText());
        assertEquals("0", d.select("#doc-text .seg").first().attr("data-s"));
        assertFalse(d.select("#claim-list").isEmpty());
        assertNotNull(d.selectFirst("dialog#help"));
        assertNotNull(d.selectFirst("link[href=/web/annotate.css]"));

        given().cookies(TestData.login("outsider")).when().get(page()).then().statusCode(404);
        given().cookies(session).when().get("/documents/999999").then().statusCode(404);
    }

    @Test
    void claimPostRedirectsWithoutHtmx() {
        Response r = postClaim(csrf(), false, "2");
        assertEquals(303, r.statusCode());
        Claim claim = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findAll().firstResult());
        assertTrue(r.header("Location").endsWith("/documents/" + doc.id + "#claim-" + claim.id), r.header("Location"));
        assertEquals(DocumentPageFixtures.SENTENCE, claim.exact);

        var d = Jsoup.parse(given().cookies(session).when().get(page()).asString());
        Element item = d.selectFirst("#claim-" + claim.id);
        assertNotNull(item);
        assertEquals(List.of("Daily Meridian", "Kestrel Labs"), item.select(".chain .src").eachText());
        assertEquals(List.of("B", "C"), item.select(".chain .grade").eachText().stream().map(t -> t.substring(0, 1)).toList());
        assertEquals(DocumentPageFixtures.SENTENCE, d.select("#doc-text .seg[data-c]").text());
        // the highlight starts at the sentence's code point offset, not its UTF-16 index
        assertEquals(String.valueOf(start()), d.select("#doc-text .seg[data-c]").first().attr("data-s"));
    }

    @Test
    void claimPostWithHtmxAnswersTheWorkspaceFragment() {
        Response r = postClaim(csrf(), true, "3");
        assertEquals(200, r.statusCode());
        var d = Jsoup.parseBodyFragment(r.asString());
        assertEquals(1, d.select("#workspace").size());
        assertEquals(1, d.select("#claim-list li").size());
        assertTrue(d.select("#claim-list .chain").text().contains("Daily Meridian"));
        assertEquals("Claim added.", d.select("#status[hx-swap-oob]").text());
        assertTrue(d.select("html > head title").isEmpty() || d.title().isEmpty(), "a fragment, not a page");
    }

    @Test
    void invalidClaimRerendersFormWith422() {
        TestData.Csrf csrf = csrf();
        Response r = csrf.form().header("HX-Request", "true").formParam("start", start()).formParam("end", end())
                .formParam("kind", "event").formParam("rationale", "kept")
                .formParam("hops[0].sourceName", "Kestrel Labs").formParam("hops[0].sourceType", "firm_report")
                .formParam("hops[0].relation", "asserts").formParam("hops[0].reliability", "Q")
                .when().post(page() + "/claims");
        assertEquals(422, r.statusCode());
        assertEquals("#editor", r.header("HX-Retarget"));
        var d = Jsoup.parseBodyFragment(r.asString());
        assertFalse(d.select("[role=alert]").text().isBlank());
        assertEquals("kept", d.select("textarea[name=rationale]").text());
        assertEquals("Kestrel Labs", d.select("input[name=hops[0].sourceName]").val());
        assertEquals(csrf.token(), d.select("input[name=csrf-token]").val());

        // without htmx: the whole page with the form open
        Response plain = csrf.form().formParam("start", 5).formParam("end", 2).when().post(page() + "/claims");
        assertEquals(422, plain.statusCode());
        assertNotNull(Jsoup.parse(plain.asString()).selectFirst("#editor form.claim-form [role=alert]"));
    }

    @Test
    void checkWorthyIsAnExplicitChoiceNeverPreset() {
        var form = Jsoup.parseBodyFragment(given().cookies(session).header("HX-Request", "true")
                .when().get(page() + "/claims/new?start=" + start() + "&end=" + end()).then().statusCode(200)
                .extract().asString());
        assertTrue(form.select("input[type=checkbox][name=checkWorthy]").isEmpty(), "no pre-tickable box");
        assertEquals(List.of("", "true", "false"), form.select("select#claim-cw option").eachAttr("value"));
        assertTrue(form.select("select#claim-cw option[selected]").isEmpty(), "a new claim opens as not judged");

        for (String choice : List.of("", "false", "true")) {
            var req = csrf().form().formParam("start", start()).formParam("end", end());
            if (!choice.isEmpty()) {
                req = req.formParam("checkWorthy", choice);
            }
            req.when().post(page() + "/claims").then().statusCode(303);
            Claim c = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>find("order by id desc").firstResult());
            assertEquals(choice.isEmpty() ? null : Boolean.valueOf(choice), c.checkWorthy, "posted " + choice);
            var edit = Jsoup.parseBodyFragment(given().cookies(session).header("HX-Request", "true")
                    .when().get(page() + "/claims/" + c.id + "/edit").then().statusCode(200).extract().asString());
            assertEquals(choice, edit.select("select#claim-cw option[selected]").val());
        }
    }

    @Test
    void formsOpenWithCsrfAndHopsCanBeAdded() {
        String html = given().cookies(session).header("HX-Request", "true")
                .when().get(page() + "/claims/new?start=" + start() + "&end=" + end()).then().statusCode(200)
                .extract().asString();
        var d = Jsoup.parseBodyFragment(html);
        assertEquals(DocumentPageFixtures.SENTENCE, d.select("blockquote.exact").text());
        assertFalse(d.select("form.claim-form input[name=csrf-token]").val().isBlank());
        assertEquals("Originator", d.select(".hop-row .hop-title").text());
        assertEquals(6, d.select("input[name=credibility]").size());

        Response added = csrf().form().header("HX-Request", "true").formParam("op", "add")
                .formParam("start", start()).formParam("end", end())
                .formParam("hops[0].sourceName", "Kestrel Labs").formParam("hops[0].relation", "asserts")
                .when().post(page() + "/claim-form");
        assertEquals(200, added.statusCode());
        Elements rows = Jsoup.parseBodyFragment(added.asString()).select(".hop-row");
        assertEquals(2, rows.size());
        assertEquals("Hop 2 (passed on by)", rows.get(1).select(".hop-title").text());

        Response moved = csrf().form().header("HX-Request", "true").formParam("op", "down-0")
                .formParam("start", start()).formParam("end", end())
                .formParam("hops[0].sourceName", "Kestrel Labs").formParam("hops[1].sourceName", "Daily Meridian")
                .when().post(page() + "/claim-form");
        assertEquals(List.of("Daily Meridian", "Kestrel Labs"), Jsoup.parseBodyFragment(moved.asString())
                .select(".hop-row input[name$=sourceName]").eachAttr("value"));

        var m = Jsoup.parseBodyFragment(given().cookies(session).header("HX-Request", "true")
                .when().get(page() + "/mentions/new?start=0&end=7").asString());
        assertFalse(m.select("input[name=csrf-token]").val().isBlank());
    }

    @Test
    void editConflictAndDelete() {
        postClaim(csrf(), false, "2");
        Claim claim = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findAll().firstResult());
        var edit = Jsoup.parse(given().cookies(session).when().get(page() + "/claims/" + claim.id + "/edit").asString());
        assertEquals(String.valueOf(claim.version), edit.select("input[name=version]").val());
        assertEquals("Kestrel Labs", edit.select("input[name=hops[0].sourceName]").val());
        assertEquals("Daily Meridian", edit.select("input[name=hops[1].sourceName]").val());
        assertFalse(edit.select("input[name=credibility][value=2][checked]").isEmpty());

        Response ok = csrf().form().formParam("version", claim.version).formParam("start", claim.start)
                .formParam("end", claim.end).formParam("credibility", "4").formParam("kind", "capability")
                .formParam("hops[0].sourceName", "Kestrel Labs").formParam("hops[0].relation", "asserts")
                .when().post(page() + "/claims/" + claim.id);
        assertEquals(303, ok.statusCode());
        Claim saved = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findById(claim.id));
        assertEquals(4, saved.credibility);

        Response stale = csrf().form().header("HX-Request", "true").formParam("version", claim.version)
                .formParam("start", claim.start).formParam("end", claim.end).formParam("credibility", "6")
                .when().post(page() + "/claims/" + claim.id);
        assertEquals(409, stale.statusCode());
        var conflict = Jsoup.parseBodyFragment(stale.asString());
        assertTrue(conflict.select("[role=alert]").text().contains("Someone else changed this claim"));
        assertFalse(conflict.select("input[name=credibility][value=4][checked]").isEmpty(), "shows current values");

        Response del = csrf().form().when().post(page() + "/claims/" + claim.id + "/delete");
        assertEquals(303, del.statusCode());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Claim.count()));
    }

    /** Adding a hop row while editing keeps the form on the claim: saving it updates, never adds a second claim. */
    @Test
    void reshapingAnEditedClaimStillSavesToIt() {
        postClaim(csrf(), false, "2");
        Claim claim = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findAll().firstResult());
        Element form = Jsoup.parseBodyFragment(given().cookies(session).header("HX-Request", "true")
                .when().get(page() + "/claims/" + claim.id + "/edit").asString()).selectFirst("form.claim-form");
        assertEquals(String.valueOf(claim.id), form.select("input[name=claimId]").val());

        // What the browser posts for "Add hop": every field of the form, and op.
        var reshape = csrf().form().header("HX-Request", "true").formParam("op", "add");
        for (Element in : form.select("input[name], select[name], textarea[name]")) {
            if (in.attr("name").equals("csrf-token") || in.attr("type").equals("radio") && !in.hasAttr("checked")) {
                continue;
            }
            String value = in.tagName().equals("select")
                    ? in.select("option[selected]").stream().findFirst().map(o -> o.attr("value")).orElse("")
                    : in.tagName().equals("textarea") ? in.text() : in.val();
            reshape = reshape.formParam(in.attr("name"), value);
        }
        Element reshaped = Jsoup.parseBodyFragment(reshape.when().post(page() + "/claim-form").then().statusCode(200)
                .extract().asString()).selectFirst("form.claim-form");
        assertEquals(3, reshaped.select(".hop-row").size());
        assertEquals(page() + "/claims/" + claim.id, reshaped.attr("action"));
        assertEquals(String.valueOf(claim.id), reshaped.select("input[name=claimId]").val());
        assertEquals("Edit claim", reshaped.select("#claim-form-h").text());
    }

    @Test
    void mentionsCuesAndLayerSubmitReopen() {
        int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "Kestrel Labs");
        assertEquals(303, csrf().form().formParam("start", s).formParam("end", s + 12)
                .formParam("sourceName", "Kestrel Labs").formParam("sourceType", "firm_report")
                .when().post(page() + "/mentions").statusCode());
        int t = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "told");
        Response cue = csrf().form().header("HX-Request", "true").formParam("start", t).formParam("end", t + 4)
                .formParam("cueClass", "speech").when().post(page() + "/cues");
        assertEquals(200, cue.statusCode());
        var d = Jsoup.parseBodyFragment(cue.asString());
        assertEquals("Kestrel Labs", d.select("#doc-text .seg.m").text());
        assertEquals("told", d.select("#doc-text .seg.u").text());
        assertEquals("Kestrel Labs", d.select("ul.spans a[href^=/sources]").text());

        // options for the type-ahead, by name
        String opts = given().cookies(session).when().get(page() + "/source-options?hops[0].sourceName=kest").asString();
        assertTrue(opts.contains("<option value=\"Kestrel Labs\">"), opts);

        assertEquals(303, csrf().form().when().post(page() + "/submit").statusCode());
        var submitted = Jsoup.parse(given().cookies(session).when().get(page()).asString());
        assertEquals("submitted", submitted.select(".layer-state strong").text());
        assertNotNull(submitted.selectFirst("form[action$=/reopen]"));
        assertTrue(submitted.select("button[data-mark]").isEmpty());
        assertEquals(409, postClaim(csrf(), false, "2").statusCode());

        assertEquals(303, csrf().form().when().post(page() + "/reopen").statusCode());
        var reopened = Jsoup.parse(given().cookies(session).when().get(page()).asString());
        assertEquals("in progress", reopened.select(".layer-state strong").text());

        Mention m = QuarkusTransaction.requiringNew().call(() -> Mention.<Mention>findAll().firstResult());
        Cue storedCue = QuarkusTransaction.requiringNew().call(() -> Cue.<Cue>findAll().firstResult());
        // edit: the forms come prefilled and post to the item's own route
        var mentionForm = Jsoup.parse(given().cookies(session).when().get(page() + "/mentions/" + m.id + "/edit").asString());
        assertEquals("Kestrel Labs", mentionForm.select("#mention-source").val());
        assertTrue(mentionForm.selectFirst("form.span-form").attr("action").endsWith("/mentions/" + m.id));
        assertEquals(303, csrf().form().formParam("sourceName", "Kestrel Research").formParam("sourceType", "think_tank")
                .when().post(page() + "/mentions/" + m.id).statusCode());
        assertEquals(422, csrf().form().formParam("cueClass", "rumour")
                .when().post(page() + "/cues/" + storedCue.id).statusCode());
        assertEquals(303, csrf().form().formParam("cueClass", "citation")
                .when().post(page() + "/cues/" + storedCue.id).statusCode());
        var edited = Jsoup.parse(given().cookies(session).when().get(page()).asString());
        assertTrue(edited.select("#mention-" + m.id).text().contains("Kestrel Research"), edited.select("ul.spans").text());
        assertTrue(edited.select("#cue-" + storedCue.id).text().contains("citation"));
        assertEquals(303, csrf().form().when().post(page() + "/mentions/" + m.id + "/delete").statusCode());
        // a POST without the CSRF token is refused
        assertEquals(400, given().redirects().follow(false).cookies(session).contentType("application/x-www-form-urlencoded")
                .formParam("start", 0).when().post(page() + "/cues").statusCode());
    }

    @Test
    void thousandClaimsRenderInOnePage() {
        int n = 1000;
        StringBuilder text = new StringBuilder("Fleet tracker 🚢 第一 weekly digest\n\n");
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = text.codePointCount(0, text.length());
            text.append("Analysts at Kestrel Labs said vessel ").append(i).append(" left port on schedule.");
            ends[i] = text.codePointCount(0, text.length());
            text.append(i % 5 == 4 ? "\n\n" : " ");
        }
        Document big = fixtures.document(doc.project, reviewer, "Fleet digest", text.toString());
        fixtures.bulkClaims(big, reviewer, starts, ends);

        String html = null;
        long ms = 0;
        for (int round = 0; round < 3; round++) { // the first round includes warm-up
            long t0 = System.nanoTime();
            html = given().cookies(session).when().get("/documents/" + big.id).then().statusCode(200).extract().asString();
            ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("round " + round + ": " + ms + " ms");
        }
        var d = Jsoup.parse(html);
        assertEquals(n, d.select("#claim-list > li.claim-item").size());
        // one segment per claim (claims do not overlap here), each carrying only its own id
        assertEquals(n, d.select("#doc-text .seg[data-c]").size());
        assertEquals(2 * n + 1, d.select("#doc-text .seg").size());
        assertEquals(text.toString(), d.selectFirst("#doc-text").wholeText());
        assertEquals(n, d.select("#claim-list .chain .src").stream().filter(e -> e.text().equals("Kestrel Labs")).count());
        System.out.println("Document page with " + n + " claims rendered in " + ms + " ms (" + html.length() + " chars)");
    }
}
