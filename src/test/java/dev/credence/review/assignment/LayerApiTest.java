package dev.credence.review.assignment;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees which layer: the visibility matrix of {@link LayerVisibility} through GET /documents/{id}/layers. */
@QuarkusTest
class LayerApiTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    ReviewFixtures review;

    User rob;
    User sue;
    Document doc;

    @BeforeEach
    void setUp() {
        data.reset();
        User mia = data.user("mia");
        rob = data.user("rob");
        sue = data.user("sue");
        data.user("ada");
        data.user("ola");
        Project project = data.project("Strait watch", mia);
        data.member(project, "rob", "reviewer");
        data.member(project, "sue", "reviewer");
        data.member(project, "ada", "adjudicator");
        data.project("Elsewhere", data.user("eve"));
        doc = fixtures.document(project, "Report", ARTICLE);
        review.claim(doc, rob);
        review.claim(doc, sue);
    }

    /** The visible layers as "owner:state" ("gold:state" for gold), own first. */
    List<String> seen(String username) {
        JsonPath json = TestData.api(TestData.token(username)).when().get("/api/v1/documents/" + doc.id + "/layers")
                .then().statusCode(200).extract().jsonPath();
        List<String> kinds = json.getList("kind");
        List<String> owners = json.getList("owner.username");
        List<String> states = json.getList("state");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            out.add((kinds.get(i).equals("gold") ? "gold" : owners.get(i)) + ":" + states.get(i));
        }
        return out;
    }

    @Test
    void reviewersAreBlindUntilTheySubmittedAndAdjudicationStarted() {
        assertEquals(List.of("rob:in_progress"), seen("rob"));
        review.submit(doc, sue);
        assertEquals(List.of("rob:in_progress"), seen("rob"), "sue submitted, rob has not");
        review.submit(doc, rob);
        assertEquals(List.of("rob:submitted"), seen("rob"), "both submitted, no gold yet");
        review.gold(doc, LayerState.in_progress);
        assertEquals(List.of("rob:submitted", "sue:submitted", "gold:in_progress"), seen("rob"));
    }

    @Test
    void aReviewerWhoDidNotSubmitSeesOnlyTheirOwnLayerEvenInAdjudication() {
        review.submit(doc, sue);
        review.gold(doc, LayerState.in_progress);
        assertEquals(List.of("rob:in_progress"), seen("rob"));
        assertEquals(List.of("sue:submitted", "gold:in_progress"), seen("sue"), "rob has not submitted");
    }

    @Test
    void managersAndAdjudicatorsSeeEveryLayer() {
        review.submit(doc, sue);
        assertEquals(List.of("rob:in_progress", "sue:submitted"), seen("mia"));
        assertEquals(List.of("rob:in_progress", "sue:submitted"), seen("ada"));
        review.gold(doc, LayerState.submitted);
        assertEquals(List.of("rob:in_progress", "sue:submitted", "gold:submitted"), seen("ada"));
        assertEquals(3, seen("mia").size());
    }

    @Test
    void shapeCarriesOwnerAndClaimCount() {
        review.gold(doc, LayerState.in_progress);
        JsonPath json = TestData.api(TestData.token("mia")).when().get("/api/v1/documents/" + doc.id + "/layers")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("rob Display", json.getString("find { it.owner?.username == 'rob' }.owner.displayName"));
        assertEquals(1, json.getInt("find { it.owner?.username == 'rob' }.claimCount"));
        assertNull(json.get("find { it.kind == 'gold' }.owner"));
        assertEquals(0, json.getInt("find { it.kind == 'gold' }.claimCount"));
    }

    @Test
    void nonMembersGet404() {
        TestData.api(TestData.token("ola")).when().get("/api/v1/documents/" + doc.id + "/layers").then().statusCode(404);
        TestData.api(TestData.token("eve")).when().get("/api/v1/documents/" + doc.id + "/layers").then().statusCode(404);
        TestData.api(TestData.token("mia")).when().get("/api/v1/documents/999999/layers").then().statusCode(404);
    }
}
