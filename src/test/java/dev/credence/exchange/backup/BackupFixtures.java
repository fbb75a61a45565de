package dev.credence.exchange.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Offsets;
import dev.credence.document.Document;
import dev.credence.document.DocumentRevision;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project with everything a backup holds, built through the real API: three documents (emoji, CJK, a combining
 * accent that has no precomposed form), two reviewer layers and gold on one, a second annotated document,
 * hops with mentions and cues, an edited and a deleted claim (history of a row that no longer exists), comments
 * with a reply, registry sources with an alias, a parent and grades, and an older text revision.
 */
@ApplicationScoped
public class BackupFixtures {
    static final String KITE = "Researchers at the cybersecurity firm Lanternfish told the Harbor Ledger that "
            + "the group \"Copper Kite\" 🐉 breached 14 agencies, twice.\nThe ministry called it 谣言 on Friday.\n";
    static final String PORT = "港口 officials said the cranes stopped at noon, according to Quay Watch. "
            + "Analysts believe the outage was an accident; the union's spokesman Pq\u0301 disagreed.\n";
    static final String NOTE = "A short note with no claims at all. 🙂\n";
    static final String PROJECT = "Kite Watch 🐉 Q3";

    @Inject
    TestData data;
    @Inject
    EntityManager em;

    /** Ids of what the fixture made, for assertions. */
    public record Built(long projectId, long kite, long port, long note, long kiteClaimRev1, long gradeSource) {
    }

    /** Wipes everything but the admin, like a fresh instance: TestData.reset plus the history it keeps. */
    public void wipe() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from change_log").executeUpdate());
    }

    public Built build() {
        wipe();
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(TestData.ADMIN).orElseThrow());
        data.user("mara");
        data.user("rev1");
        data.user("rev2");
        data.user("adam");
        data.user("olga"); // not in the project
        Project project = data.project(PROJECT, admin);
        data.member(project, "mara", "manager");
        data.member(project, "rev1", "reviewer");
        data.member(project, "rev2", "reviewer");
        data.member(project, "adam", "adjudicator");
        String adminToken = TestData.token(TestData.ADMIN);
        String mara = TestData.token("mara");
        String rev1 = TestData.token("rev1");
        String rev2 = TestData.token("rev2");
        String adam = TestData.token("adam");

        TestData.api(adminToken).body(Map.of("guidelines", "# Rules\nMark **claims**; 谣言 means rumour.",
                "reviewersPerDocument", 2)).put("/api/v1/projects/" + project.id).then().statusCode(200);

        long kite = document(mara, project.id, "Copper Kite 🐉 breach", KITE, "2026-11-30");
        long port = document(mara, project.id, "港口 outage", PORT, null);
        long note = document(mara, project.id, "Note", NOTE, null);

        // A registry entry with an alias and a parent, graded in this project.
        long parent = TestData.api(mara).body(Map.of("name", "Lanternfish Group", "type", "firm_report"))
                .post("/api/v1/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        long firm = TestData.api(mara).body(Map.of("name", "Lanternfish", "type", "firm_report",
                "aliases", List.of("Lanternfish Labs", "LF"), "country", "Taiwan", "parentId", parent,
                "url", "https://lanternfish.example.org/"))
                .post("/api/v1/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        TestData.api(mara).body(Map.of("projectId", project.id, "grade", "B", "rationale", "Usually right on malware."))
                .post("/api/v1/sources/" + firm + "/grades").then().statusCode(201);
        TestData.api(adam).body(Map.of("projectId", project.id, "grade", "C"))
                .post("/api/v1/sources/" + firm + "/grades").then().statusCode(201);

        String twoHop = "the group \"Copper Kite\" 🐉 breached 14 agencies, twice.";
        Map<String, Object> kiteClaim = claim(KITE, twoHop, 3, List.of(
                hop(KITE, Map.of("sourceId", firm), "Lanternfish", "told", "asserts", "B"),
                hop(KITE, Map.of("source", Map.of("name", "Harbor Ledger", "type", "independent_media")),
                        "Harbor Ledger", null, "reports", "C")));
        long rev1Claim = post(rev1, kite, kiteClaim);
        // rev1 edits it (history update, version 1), adds a claim and deletes it (history of a gone row).
        Map<String, Object> edited = new LinkedHashMap<>(kiteClaim);
        edited.put("credibility", 2);
        edited.put("rationale", "Two outlets, one origin — 同源.");
        edited.put("attribution", List.of(Map.of("sourceId", firm, "relation", "asserts", "reliability", "B"),
                Map.of("source", Map.of("name", "harbor  LEDGER", "type", "independent_media"), "relation", "reports")));
        TestData.api(rev1).body(edited).put("/api/v1/claims/" + rev1Claim).then().statusCode(200);
        long gone = post(rev1, kite, claim(KITE, "The ministry called it 谣言", 4, List.of()));
        TestData.api(rev1).delete("/api/v1/claims/" + gone).then().statusCode(204);
        post(rev1, kite, claim(KITE, "The ministry called it 谣言", 5, List.of(
                hop(KITE, Map.of("source", Map.of("name", "The ministry", "type", "government_statement")),
                        "The ministry", "called", "asserts", null))));
        TestData.api(rev1).post("/api/v1/documents/" + kite + "/submit").then().statusCode(200);

        long rev2Kite = post(rev2, kite, claim(KITE, twoHop, 2, List.of(
                hop(KITE, Map.of("sourceId", firm), "Lanternfish", null, "asserts", "B"),
                hop(KITE, Map.of("source", Map.of("name", "Harbor Ledger", "type", "independent_media")), null, null,
                        "reports", null))));
        TestData.api(rev2).post("/api/v1/documents/" + kite + "/submit").then().statusCode(200);

        TestData.api(adam).post("/api/v1/documents/" + kite + "/gold").then().statusCode(201);
        Map<String, Object> gold = new LinkedHashMap<>(claim(KITE, "The ministry called it 谣言 on Friday", 6, List.of(
                hop(KITE, Map.of("source", Map.of("name", "The ministry", "type", "government_statement")), null, null,
                        "asserts", "F"))));
        gold.put("layer", "gold");
        post(adam, kite, gold);

        // rev2 on the second document: a hedge cue, a quantity claim without hops, a standalone mention.
        long cranes = post(rev2, port, claim(PORT, "the cranes stopped at noon", 3, List.of(
                hop(PORT, Map.of("source", Map.of("name", "Quay Watch", "type", "ngo")), "Quay Watch", "according to",
                        "reports", "D"))));
        // A claim link across documents (issue 9).
        TestData.api(rev2).body(Map.of("targetClaimId", rev2Kite, "relation", "corroborates", "origin", "independent",
                "note", "Same breach, other desk 🔗")).post("/api/v1/claims/" + cranes + "/links").then().statusCode(201);
        post(rev2, port, claim(PORT, "the outage was an accident", null, List.of()));
        TestData.api(rev2).body(Map.of("start", cp(PORT, "Pq\u0301"), "end", cp(PORT, "Pq\u0301") + 3))
                .post("/api/v1/documents/" + port + "/mentions").then().statusCode(201);
        TestData.api(rev2).body(Map.of("start", cp(PORT, "believe"), "end", cp(PORT, "believe") + 7, "cueClass", "belief"))
                .post("/api/v1/documents/" + port + "/cues").then().statusCode(201);

        // A thread: mara comments, rev1 replies.
        long comment = TestData.api(mara).body(Map.of("body", "Is the 14 from the firm's own report? 🤔"))
                .post("/api/v1/claims/" + rev1Claim + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        TestData.api(rev1).body(Map.of("body", "Yes — 原文 says so.", "parentId", comment))
                .post("/api/v1/claims/" + rev1Claim + "/comments").then().statusCode(201);

        oldRevision(kite, "Researchers at Lanternfish told the Harbor Ledger: Copper Kite struck.\n");

        // A label schema of its own (issue 10): a kind the defaults lack, a renamed stance; one claim uses the kind.
        List<Map<String, Object>> kinds = new java.util.ArrayList<>(TestData.api(mara)
                .get("/api/v1/projects/" + project.id + "/schema").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("kind").stream().map(v -> Map.<String, Object>of("name", v.get("name"),
                        "label", v.get("label"), "key", v.get("key"), "colour", v.get("colour"))).toList());
        kinds.add(Map.of("name", "rumour", "label", "Rumour (unconfirmed) 🗞", "key", "r", "colour", "#aa3377"));
        TestData.api(mara).body(Map.of("kind", kinds)).put("/api/v1/projects/" + project.id + "/schema").then()
                .statusCode(200);
        TestData.api(mara).body(Map.of("field", "stance", "from", "hedged", "to", "guarded"))
                .post("/api/v1/projects/" + project.id + "/schema/rename").then().statusCode(200);
        Map<String, Object> rumour = claim(PORT, "港口 officials said", null, List.of());
        rumour.put("kind", "rumour");
        rumour.put("stance", "guarded");
        post(rev2, port, rumour);

        suggestionsAndModel(project.id, kite, rev1Claim, firm);
        return new Built(project.id, kite, port, note, rev1Claim, firm);
    }

    /**
     * Suggestions in each state (an accepted one names the claim it made and a registry source, also inside its
     * hops) and a stored project model: written as rows, the way the suggester stores them.
     */
    private void suggestionsAndModel(long projectId, long kite, long acceptedClaim, long firm) {
        QuarkusTransaction.requiringNew().run(() -> {
            dev.credence.annotation.Layer layer = dev.credence.annotation.Layer.find(
                    "document.id = ?1 and owner.username = ?2", kite, "rev1").firstResult();
            dev.credence.source.Source source = dev.credence.source.Source.findById(firm);
            Instant made = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
            String[][] rows = { { "accepted", "the group \"Copper Kite\" 🐉 breached 14 agencies, twice." },
                    { "rejected", "The ministry called it 谣言" }, { "open", "The ministry called it 谣言 on Friday" } };
            for (int i = 0; i < rows.length; i++) {
                var s = new dev.credence.suggest.Suggestion();
                s.layer = layer;
                s.documentRevision = 2;
                s.claimStart = cp(KITE, rows[i][1]);
                s.claimEnd = s.claimStart + Offsets.length(rows[i][1]);
                s.claimExact = rows[i][1];
                s.cueStart = cp(KITE, "told");
                s.cueEnd = s.cueStart + 4;
                s.cueExact = "told";
                s.cueClass = "speech";
                s.sourceStart = cp(KITE, "Lanternfish");
                s.sourceEnd = s.sourceStart + 11;
                s.sourceExact = "Lanternfish";
                s.sourceName = "Lanternfish";
                s.registrySource = source;
                s.sourceType = "firm_report";
                s.hopsJson = "[{\"name\":\"Lanternfish\",\"registrySourceId\":" + firm + ",\"sourceType\":\"firm_report\","
                        + "\"mention\":null,\"cue\":null,\"relation\":\"asserts\"}]";
                s.features = "cue=told src=registry q" + i;
                s.score = 0.25 + i / 4.0;
                s.model = "learned-" + i;
                s.state = rows[i][0];
                s.claimId = i == 0 ? acceptedClaim : null;
                s.decidedAt = i < 2 ? made.plusSeconds(60) : null;
                s.createdAt = made;
                s.persist();
            }
            var m = new dev.credence.suggest.SuggestionModel();
            m.project = Project.findById(projectId);
            m.name = "learned-1";
            m.modelData = java.util.Base64.getEncoder().encodeToString("maxent model bytes 🧠".getBytes(StandardCharsets.UTF_8));
            m.trainedAt = made;
            m.trainingEvents = 120;
            m.trainingDocuments = 7;
            m.heldoutDocuments = 2;
            m.qualityJson = "{\"precision\":0.5,\"recall\":0.25}";
            m.persist();
        });
    }

    private static long document(String token, long projectId, String title, String text, String publishedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("url", "https://news.example.org/" + Math.abs(title.hashCode()));
        body.put("publisher", "Harbor Ledger");
        body.put("text", text);
        if (publishedAt != null) {
            body.put("publishedAt", publishedAt);
        }
        Response r = TestData.api(token).body(body).post("/api/v1/projects/" + projectId + "/documents");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getLong("id");
    }

    private static long post(String token, long document, Map<String, Object> claim) {
        Response r = TestData.api(token).body(claim).post("/api/v1/documents/" + document + "/claims");
        assertEquals(201, r.statusCode(), r.asString());
        return r.jsonPath().getLong("id");
    }

    static Map<String, Object> claim(String text, String exact, Integer credibility, List<Map<String, Object>> hops) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("start", cp(text, exact));
        c.put("end", cp(text, exact) + Offsets.length(exact));
        c.put("kind", "event");
        c.put("stance", "asserted");
        c.put("checkWorthy", true);
        if (credibility != null) {
            c.put("credibility", credibility);
        }
        c.put("evidenceUrl", "https://evidence.example.org/kite");
        c.put("attribution", hops);
        return c;
    }

    static Map<String, Object> hop(String text, Map<String, Object> source, String mention, String cue, String relation,
            String reliability) {
        Map<String, Object> h = new LinkedHashMap<>(source);
        if (mention != null) {
            h.put("mention", Map.of("start", cp(text, mention), "end", cp(text, mention) + Offsets.length(mention)));
        }
        if (cue != null) {
            h.put("cue", Map.of("start", cp(text, cue), "end", cp(text, cue) + Offsets.length(cue)));
        }
        h.put("relation", relation);
        if (reliability != null) {
            h.put("reliability", reliability);
        }
        return h;
    }

    static int cp(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException(needle);
        }
        return Offsets.toCodePoint(text, i);
    }

    /** An earlier text kept as revision 1; the current text becomes revision 2 (as a correction leaves them). */
    private void oldRevision(long documentId, String text) {
        QuarkusTransaction.requiringNew().run(() -> {
            Document d = Document.findById(documentId);
            DocumentRevision r = new DocumentRevision();
            r.document = d;
            r.revision = 1;
            r.text = text;
            r.textSha256 = sha256(text);
            r.lengthCp = Offsets.length(text);
            r.createdBy = User.findByUsername("mara").orElseThrow();
            r.createdAt = Instant.now().minus(2, ChronoUnit.DAYS);
            r.persist();
            d.revision = 2;
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
