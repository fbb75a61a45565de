package dev.credence.exchange;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import java.util.List;

/**
 * The project the doccano and Label Studio export tests read: one article with an emoji before every span
 * (a UTF-16 offset would be off by one or two), CJK, and a name with combining acute accents that no NFC
 * composition removes (q + U+0301), plus an article without annotations.
 * rev1's layer has two chains and a claim overlapping another; gold has a claim without mentions.
 */
record InteropFixture(Project project, Document kite, Document quiet) {
    static final String KITE = "🐉 Researchers at the firm Lanternfish told the Harbor Ledger that the group "
            + "\"Copper Kite\" 🐉 breached 14 agencies.\nThe ministry called the report 谣言, according to "
            + "Saq\u0301ira Ame\u0301lie of the Ledger 😀.\n";
    static final String QUIET = "A quiet day at the port 😀. Officials said nothing.\n";
    static final String TWO_HOP = "the group \"Copper Kite\" 🐉 breached 14 agencies";
    static final String DENIAL = "The ministry called the report 谣言";
    static final String NESTED = "the report 谣言";
    static final String ANALYST = "Saq\u0301ira Ame\u0301lie";

    /** rev1's spans as "LABEL text" (claims, source mentions, cues). */
    static final List<String> REV1_SPANS = List.of("CLAIM " + TWO_HOP, "CLAIM " + DENIAL, "CLAIM " + NESTED,
            "SOURCE Lanternfish", "SOURCE Harbor Ledger", "SOURCE The ministry", "SOURCE " + ANALYST,
            "CUE told", "CUE called", "CUE according to");
    /** rev1's relations as "from text -type-> to text". */
    static final List<String> REV1_RELATIONS = List.of("Lanternfish -asserts-> " + TWO_HOP,
            "told -cue-> Lanternfish", "Harbor Ledger -reports-> " + TWO_HOP, "The ministry -asserts-> " + DENIAL,
            "called -cue-> The ministry", ANALYST + " -reports-> " + DENIAL, "according to -cue-> " + ANALYST);

    static InteropFixture create(TestData data, ExportFixtures fixtures) {
        data.reset();
        User mara = data.user("mara");
        User rev1 = data.user("rev1");
        data.user("olga");
        Project project = data.project("Kite Watch: interop", mara);
        data.member(project, "rev1", "reviewer");
        Document kite = fixtures.document(project, "Copper Kite breach", KITE);
        Document quiet = fixtures.document(project, "Quiet port", QUIET);

        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        Source outlet = fixtures.source("Harbor Ledger", SourceType.independent_media);
        Source ministry = fixtures.source("The ministry", SourceType.government_statement);
        Source analyst = fixtures.source("Saqira Amelie", SourceType.academic_expert);

        Layer layer = fixtures.layer(kite, rev1);
        fixtures.claim(layer, TWO_HOP,
                new ExportFixtures.HopSpec(firm, "Lanternfish", "told", Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, "Harbor Ledger", null, Relation.reports, "B"));
        fixtures.claim(layer, DENIAL,
                new ExportFixtures.HopSpec(ministry, "The ministry", "called", Relation.asserts, null),
                new ExportFixtures.HopSpec(analyst, ANALYST, "according to", Relation.reports, "D"));
        fixtures.claim(layer, NESTED);
        Layer gold = fixtures.layer(kite, null);
        fixtures.claim(gold, TWO_HOP, new ExportFixtures.HopSpec(firm, null, null, Relation.asserts, "C"),
                new ExportFixtures.HopSpec(outlet, null, null, Relation.reports, null));
        fixtures.layer(quiet, rev1);
        return new InteropFixture(project, kite, quiet);
    }

    String url() {
        return "/api/v1/projects/" + project.id + "/export";
    }
}
