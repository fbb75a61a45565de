package dev.credence.project;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
        data.user("mia");
        data.user("rob");
    }

    @Test
    void createProjectAndAddMember() {
        String mia = TestData.token("mia");
        int id = TestData.api(mia).body("{\"name\":\"Desk\",\"description\":\"d\",\"guidelines\":\"g\"}")
                .when().post("/api/v1/projects")
                .then().statusCode(201).body("id", notNullValue()).body("name", equalTo("Desk"))
                .body("reviewersPerDocument", equalTo(2)).extract().path("id");
        TestData.api(mia).body("{\"username\":\"rob\",\"role\":\"reviewer\"}")
                .when().post("/api/v1/projects/" + id + "/members")
                .then().statusCode(201).body("role", equalTo("reviewer"));
        TestData.api(TestData.token("rob")).when().get("/api/v1/projects")
                .then().statusCode(200).body("name", hasItem("Desk"));
        TestData.api(mia).when().get("/api/v1/projects/" + id + "/members")
                .then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void validationAndAccessErrors() {
        String mia = TestData.token("mia");
        TestData.api(mia).body("{\"description\":\"no name\"}").when().post("/api/v1/projects")
                .then().statusCode(422).body("error", equalTo("unprocessable"));
        int id = TestData.api(mia).body("{\"name\":\"Desk\"}").when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        TestData.api(mia).body("{\"username\":\"rob\",\"role\":\"boss\"}")
                .when().post("/api/v1/projects/" + id + "/members").then().statusCode(422);
        String rob = TestData.token("rob");
        TestData.api(rob).when().get("/api/v1/projects/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        TestData.api(mia).body("{\"username\":\"rob\",\"role\":\"reviewer\"}")
                .when().post("/api/v1/projects/" + id + "/members").then().statusCode(201);
        TestData.api(rob).body("{\"username\":\"rob\",\"role\":\"manager\"}")
                .when().post("/api/v1/projects/" + id + "/members").then().statusCode(403);
        TestData.api(mia).body("{\"reviewersPerDocument\":3}").when().put("/api/v1/projects/" + id)
                .then().statusCode(200).body("reviewersPerDocument", equalTo(3)).body("name", equalTo("Desk"));
        TestData.api(mia).body("{\"username\":\"mia\",\"role\":\"reviewer\"}")
                .when().post("/api/v1/projects/" + id + "/members").then().statusCode(409);
    }
}
