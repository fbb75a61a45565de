package dev.credence.exchange;

import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.corroboration.CorroborationFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claim links (V13) in every export format and in the project backup. */
@QuarkusTest
class ClaimLinkExportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CorroborationFixtures fixtures;

    CorroborationFixtures.World w;
    String mona;
    long courierClaim;
    long ledgerClaim;

    @BeforeEach
    void setUp() {
        w = fixtures.world();
        mona = TestData.token("mona");
        String rita = TestData.token("rita");
        courierClaim = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 1, "Defence ministry", "government_statement"));
        ledgerClaim = create(rita, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 2, "Defence ministry", "government_statement"));
        TestData.api(rita).body(Map.of("targetClaimId", ledgerClaim, "relation", "corroborates", "origin", "independent",
                "note", "Two ministry briefings, separate reporters"))
                .when().post("/api/v1/claims/" + courierClaim + "/links").then().statusCode(201);
    }

    String export(String format) {
        byte[] body = TestData.api(mona).queryParam("format", format).when()
                .get("/api/v1/projects/" + w.project().id + "/export").then().statusCode(200).extract().asByteArray();
        return format.equals("labelstudio") || format.equals("brat") ? unzip(body) : new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void jsonlCsvDoccanoConllAndClaimReview() throws Exception {
        String jsonl = export("jsonl");
        JsonNode courier = null;
        for (String line : jsonl.split("\n")) {
            JsonNode d = JSON.readTree(line);
            if (d.path("id").asLong() == w.courier().id) {
                courier = d;
            }
        }
        JsonNode link = courier.findValue("links").get(0);
        assertEquals(ledgerClaim, link.get("targetClaimId").asLong());
        assertEquals(w.ledger().id.longValue(), link.get("targetDocumentId").asLong());
        assertEquals("corroborates", link.get("relation").asText());
        assertEquals("independent", link.get("origin").asText());
        assertTrue(link.get("countsTowardGrade1").asBoolean());

        String csv = export("csv");
        assertTrue(csv.lines().findFirst().orElseThrow().contains("independent_corroborations,links"), csv);
        assertTrue(csv.contains("corroborates independent " + ledgerClaim + "@" + w.ledger().id), csv);

        String doccano = export("doccano");
        assertTrue(doccano.contains("\"claim_links\":\"" + courierClaim + " corroborates " + ledgerClaim + "@" + w.ledger().id
                + " independent\""), doccano);
        for (String line : doccano.split("\n")) {
            JSON.readTree(line);
        }

        String conll = export("conll");
        assertTrue(conll.contains("# claim_link\t"), conll);
        assertTrue(conll.contains("\tcorroborates\tindependent\t" + w.ledger().id + "\t" + ledgerClaim + "\n"), conll);

        JsonNode review = JSON.readTree(export("claimreview"));
        assertTrue(review.toString().contains("/api/v1/claims/" + ledgerClaim), review.toString());
    }

    @Test
    void w3cLabelStudioAndBrat() throws Exception {
        JsonNode w3c = JSON.readTree(export("w3c"));
        JsonNode linking = null;
        for (JsonNode a : w3c.findValues("items").get(0)) {
            if ("linking".equals(a.path("motivation").asText())) {
                linking = a;
            }
        }
        assertTrue(linking != null, w3c.toString());
        assertTrue(linking.get("target").asText().endsWith("/api/v1/claims/" + courierClaim));
        assertTrue(linking.get("body").get(0).get("source").asText().endsWith("/api/v1/claims/" + ledgerClaim));
        assertEquals("independent", linking.get("body").get(0).get("credence:origin").asText());

        String ls = export("labelstudio");
        assertTrue(ls.contains("\"claim_links\":[{"), ls.substring(0, Math.min(400, ls.length())));
        assertTrue(ls.contains("\"to_id\":\"claim-" + ledgerClaim + "\""));

        String brat = export("brat");
        assertTrue(brat.contains("corroborates (independent origin) claim " + ledgerClaim + " in document " + w.ledger().id),
                brat);
    }

    @Test
    void backupAndRestoreKeepTheLinks() {
        String admin = TestData.token(TestData.ADMIN);
        byte[] archive = TestData.api(mona).get("/api/v1/projects/" + w.project().id + "/backup").then().statusCode(200)
                .extract().asByteArray();
        assertTrue(unzip(archive).contains("\"relation\":\"corroborates\""));
        var answer = given().header("Authorization", "Bearer " + admin).contentType("application/zip").body(archive)
                .post("/api/v1/projects/restore");
        long restored = answer.then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201))).extract().jsonPath().getLong("projectId");
        String jsonl = TestData.api(admin).queryParam("format", "jsonl").get("/api/v1/projects/" + restored + "/export")
                .then().statusCode(200).extract().asString();
        assertTrue(jsonl.contains("\"relation\":\"corroborates\",\"origin\":\"independent\",\"countsTowardGrade1\":true"),
                jsonl);
    }

    static String unzip(byte[] zip) {
        StringBuilder sb = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }
}
