package dev.credence.review.assignment;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentApiTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    ReviewFixtures review;

    User mia;
    User rob;
    User sue;
    Project project;
    String miaToken;
    String robToken;
    String sueToken;

    @BeforeEach
    void setUp() {
        data.reset();
        mia = data.user("mia");
        rob = data.user("rob");
        sue = data.user("sue");
        data.user("ola");
        project = data.project("Strait watch", mia);
        data.member(project, "rob", "reviewer");
        data.member(project, "sue", "reviewer");
        miaToken = TestData.token("mia");
        robToken = TestData.token("rob");
        sueToken = TestData.token("sue");
    }

    Document doc(String title) {
        return fixtures.document(project, title, ARTICLE + title);
    }

    int next(String token) {
        return TestData.api(token).when().post("/api/v1/projects/" + project.id + "/next").then().extract().statusCode();
    }

    @Test
    void nextGivesTheOldestDocumentThatNeedsReviewersThen204() {
        Document first = doc("First");
        Document second = doc("Second");
        TestData.api(robToken).when().post("/api/v1/projects/" + project.id + "/next")
                .then().statusCode(200).body("documentId", equalTo(first.id.intValue()));
        // Not submitted yet: the same document again, not a second one.
        TestData.api(robToken).when().post("/api/v1/projects/" + project.id + "/next")
                .then().statusCode(200).body("documentId", equalTo(first.id.intValue()));
        review.submit(first, rob);
        TestData.api(robToken).when().post("/api/v1/projects/" + project.id + "/next")
                .then().statusCode(200).body("documentId", equalTo(second.id.intValue()));
        review.submit(second, rob);
        TestData.api(robToken).when().post("/api/v1/projects/" + project.id + "/next").then().statusCode(204);
        assertEquals(1, review.reviewerLayers(first));
    }

    @Test
    void nextSkipsFullDocumentsAndDocumentsInAdjudication() {
        Document full = doc("Full");
        Document adjudicating = doc("Adjudicating");
        Document open = doc("Open");
        review.layer(full, mia, LayerKind.reviewer, LayerState.submitted);
        review.layer(full, sue, LayerKind.reviewer, LayerState.in_progress);
        review.gold(adjudicating, LayerState.in_progress);
        TestData.api(robToken).when().post("/api/v1/projects/" + project.id + "/next")
                .then().statusCode(200).body("documentId", equalTo(open.id.intValue()));
    }

    @Test
    void reviewersPerDocumentIsEditableAndUsed() {
        TestData.api(miaToken).body(Map.of("reviewersPerDocument", 1)).when().put("/api/v1/projects/" + project.id)
                .then().statusCode(200).body("reviewersPerDocument", equalTo(1));
        TestData.api(miaToken).body(Map.of("reviewersPerDocument", 11)).when().put("/api/v1/projects/" + project.id)
                .then().statusCode(422);
        TestData.api(robToken).body(Map.of("reviewersPerDocument", 3)).when().put("/api/v1/projects/" + project.id)
                .then().statusCode(403);
        doc("Only");
        assertEquals(200, next(robToken));
        assertEquals(204, next(sueToken));
    }

    @Test
    void nextForANonMemberIs404() {
        doc("Only");
        assertEquals(404, next(TestData.token("ola")));
    }

    @Test
    void concurrentNextNeverFillsASlotTwice() throws Exception {
        data.user("tom");
        data.member(project, "tom", "reviewer");
        Document only = doc("Only");
        List<String> tokens = List.of(robToken, sueToken, TestData.token("tom"));
        for (int round = 0; round < 3; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String t : tokens) {
                Callable<Integer> call = () -> {
                    start.await();
                    return next(t);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertEquals(2, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(2, review.reviewerLayers(only));
        }
    }

    @Test
    void managerAssignsReassignsAndUnassigns() {
        Document d = doc("Manual");
        String base = "/api/v1/documents/" + d.id + "/assignments";
        TestData.api(miaToken).body(Map.of("username", "rob")).when().post(base)
                .then().statusCode(201).body("username", equalTo("rob")).body("state", equalTo("assigned"));
        TestData.api(miaToken).body(Map.of("username", "rob")).when().post(base).then().statusCode(409);
        TestData.api(miaToken).body(Map.of("username", "ola")).when().post(base).then().statusCode(422);
        TestData.api(miaToken).body(Map.of("username", "nobody")).when().post(base).then().statusCode(422);
        TestData.api(miaToken).body(Map.of()).when().post(base).then().statusCode(400);
        // Reassign the untouched layer from rob to sue.
        TestData.api(miaToken).body(Map.of("username", "sue", "from", "rob")).when().post(base)
                .then().statusCode(201).body("username", equalTo("sue"));
        // Once sue has annotated, her layer can neither move nor go.
        review.claim(d, sue);
        TestData.api(miaToken).body(Map.of("username", "rob", "from", "sue")).when().post(base).then().statusCode(409);
        TestData.api(miaToken).when().delete(base + "/sue").then().statusCode(409);
        TestData.api(miaToken).when().delete(base + "/rob").then().statusCode(404);
        TestData.api(miaToken).body(Map.of("username", "rob")).when().post(base).then().statusCode(201);
        TestData.api(miaToken).when().delete(base + "/rob").then().statusCode(204);
        assertEquals(1, review.reviewerLayers(d));
    }

    @Test
    void onlyManagersAssignAndOtherProjectsAre404() {
        Document d = doc("Manual");
        String base = "/api/v1/documents/" + d.id + "/assignments";
        TestData.api(robToken).body(Map.of("username", "rob")).when().post(base).then().statusCode(403);
        TestData.api(robToken).when().delete(base + "/rob").then().statusCode(403);
        TestData.api(TestData.token("ola")).body(Map.of("username", "ola")).when().post(base).then().statusCode(404);
        TestData.api(miaToken).body(Map.of("username", "rob")).when().post("/api/v1/documents/999999/assignments")
                .then().statusCode(404);
    }
}
