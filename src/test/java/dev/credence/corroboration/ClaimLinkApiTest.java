package dev.credence.corroboration;

import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.BUDGET_GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.WARSHIP_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimLinkApiTest {
    @Inject
    CorroborationFixtures fixtures;
    @Inject
    EntityManager em;

    CorroborationFixtures.World w;
    String mona;
    String rita;
    String sam;
    String olga;
    long ritaCourier;
    long ritaLedger;
    long ritaWarship;
    long ritaBudget;
    long samLedger;

    @BeforeEach
    void setUp() {
        w = fixtures.world();
        mona = TestData.token("mona");
        rita = TestData.token("rita");
        sam = TestData.token("sam");
        olga = TestData.token("olga");
        ritaCourier = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 2, "Defence ministry", "government_statement"));
        ritaLedger = create(rita, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 2, "Defence ministry", "government_statement"));
        ritaWarship = create(rita, w.ledger(), claim(LEDGER, WARSHIP_LEDGER, 3, "Navy", "government_statement"));
        ritaBudget = create(rita, w.gazette(), claim(GAZETTE, BUDGET_GAZETTE, 2, "Mayor", "government_official"));
        samLedger = create(sam, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 1, "Defence ministry", "government_statement"));
    }

    @Test
    void similarFindsTheSameClaimInOtherDocumentsThroughStemsAndSynonyms() {
        // "Missiles struck … radar station" vs "A rocket strike hit the radar station": missile ~ rocket, struck/strike.
        var items = TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/similar")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> ids = items.getList("items.claim.id");
        assertEquals(ritaLedger, ids.get(0).longValue(), "best first: the same strike in the Ledger");
        assertTrue(!ids.contains((int) ritaBudget), "the library budget is not similar");
        assertTrue(!ids.contains((int) ritaCourier), "never the claim itself");
        assertEquals("Rocket strike on Port Alder", items.getString("items[0].document.title"));
        assertEquals("Defence ministry", items.getString("items[0].claim.sources[0].name"));
        assertTrue(items.getFloat("items[0].score") > 0);
    }

    @Test
    void similarIsBlind_aReviewerNeverSeesAnotherReviewersUnsubmittedClaim() {
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/similar").then().statusCode(200)
                .body("items.claim.id", not(hasItem((int) samLedger)));
        // The manager sees every layer.
        TestData.api(mona).when().get("/api/v1/claims/" + ritaCourier + "/similar").then().statusCode(200)
                .body("items.claim.id", hasItem((int) samLedger));
        // Sam's own claim is not readable by rita at all.
        TestData.api(rita).when().get("/api/v1/claims/" + samLedger + "/similar").then().statusCode(404);
        TestData.api(olga).when().get("/api/v1/claims/" + ritaCourier + "/similar").then().statusCode(404);
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/similar?limit=0").then().statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void linkListAndUnlink_onlyIndependentCorroborationsCountTowardGrade1() {
        var made = TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates", "origin", "shared"))
                .when().post("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(201)
                .body("relation", equalTo("corroborates")).body("origin", equalTo("shared"))
                .body("countsTowardGrade1", equalTo(false)).body("claim.id", equalTo((int) ritaLedger))
                .body("document.title", equalTo("Rocket strike on Port Alder")).extract().jsonPath();
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(200)
                .body("items", hasSize(1)).body("independentCorroborations", equalTo(0));
        // The other end sees the link as incoming.
        TestData.api(rita).when().get("/api/v1/claims/" + ritaLedger + "/links").then().statusCode(200)
                .body("items[0].direction", equalTo("incoming"));
        // A second link to the same claim is refused, nothing half-written.
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates", "origin", "independent"))
                .when().post("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(409);
        TestData.api(rita).when().delete("/api/v1/claims/" + ritaCourier + "/links/" + made.getLong("id"))
                .then().statusCode(204);
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates", "origin", "independent"))
                .when().post("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(201)
                .body("countsTowardGrade1", equalTo(true));
        TestData.api(rita).body(Map.of("targetClaimId", ritaWarship, "relation", "contradicts", "origin", "independent"))
                .when().post("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(201);
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(200)
                .body("items", hasSize(2)).body("independentCorroborations", equalTo(1));
        // The change is in the claim's project history.
        long logged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from change_log where entity_type = 'claim_link'").getSingleResult()).longValue());
        assertEquals(4, logged);
    }

    @Test
    void linksAreValidated() {
        String url = "/api/v1/claims/" + ritaCourier + "/links";
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "agrees")).when().post(url)
                .then().statusCode(422).body("detail", containsString("relation"));
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates", "origin", "maybe"))
                .when().post(url).then().statusCode(422).body("detail", containsString("origin"));
        TestData.api(rita).body(Map.of("relation", "corroborates")).when().post(url)
                .then().statusCode(422).body("detail", containsString("targetClaimId"));
        // Another reviewer's unsubmitted claim is not a target rita may name (and its id does not leak).
        TestData.api(rita).body(Map.of("targetClaimId", samLedger, "relation", "corroborates")).when().post(url)
                .then().statusCode(422).body("detail", containsString("you may see"));
        // Not within one document.
        TestData.api(rita).body(Map.of("targetClaimId", ritaWarship, "relation", "contradicts"))
                .when().post("/api/v1/claims/" + ritaLedger + "/links").then().statusCode(422)
                .body("detail", containsString("another document"));
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates", "note", "x".repeat(2001)))
                .when().post(url).then().statusCode(422).body("detail", containsString("note"));
        // Only the claim's owner links it; others get 404.
        TestData.api(sam).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates")).when().post(url)
                .then().statusCode(404);
        TestData.api(olga).when().get("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(404);
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/links").then().statusCode(200)
                .body("items", hasSize(0));
        // A submitted layer is read-only: 409.
        TestData.api(rita).when().post("/api/v1/documents/" + w.courier().id + "/submit").then().statusCode(200);
        TestData.api(rita).body(Map.of("targetClaimId", ritaLedger, "relation", "corroborates")).when().post(url)
                .then().statusCode(409);
    }

    @Test
    void aClaimWrittenStraightIntoTheDatabaseByAnotherInstanceIsFound() {
        // Warm the index, then write as another instance would: rows in the shared database (the claim and its
        // change_log entry, in one transaction), nothing in this JVM, no listener of this instance called.
        TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/similar").then().statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Number layer = (Number) em.createNativeQuery("select id from layer where document_id = ?1 and owner_id ="
                    + " (select id from app_user where username = 'rita')").setParameter(1, w.gazette().id).getSingleResult();
            em.createNativeQuery("insert into claim (layer_id, start_offset, end_offset, exact_text, prefix_text, suffix_text,"
                    + " kind, credibility, created_at, updated_at, version) values (?1, 0, 5, ?2, '', '', 'event', 3,"
                    + " current_timestamp, current_timestamp, 0)").setParameter(1, layer.longValue())
                    .setParameter(2, "Rockets struck the coastal radar station at Port Alder").executeUpdate();
            long claim = ((Number) em.createNativeQuery("select max(id) from claim").getSingleResult()).longValue();
            logChange(claim, "create");
            return claim;
        });
        awaitSimilar(id, true);
        // And a delete made there is gone here.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from claim where id = ?1").setParameter(1, id).executeUpdate();
            logChange(id, "delete");
        });
        awaitSimilar(id, false);
    }

    private void logChange(long claim, String action) {
        em.createNativeQuery("insert into change_log (changed_at, project_id, document_id, entity_type, entity_id, action)"
                + " values (current_timestamp, ?1, ?2, 'claim', ?3, ?4)").setParameter(1, w.project().id)
                .setParameter(2, w.gazette().id).setParameter(3, claim).setParameter(4, action).executeUpdate();
    }

    /** Other instances' writes are seen within credence.search.check-interval-ms (200 ms): ask until then, 5 s at most. */
    private void awaitSimilar(long id, boolean present) {
        long until = System.currentTimeMillis() + 5_000;
        while (true) {
            java.util.List<Integer> ids = TestData.api(rita).when().get("/api/v1/claims/" + ritaCourier + "/similar")
                    .then().statusCode(200).extract().path("items.claim.id");
            if (ids.contains((int) id) == present || System.currentTimeMillis() > until) {
                org.junit.jupiter.api.Assertions.assertEquals(present, ids.contains((int) id), "claim " + id + " in " + ids);
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
