package dev.credence.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credence.TestData;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Database errors that are not the caller's fault to see as a 500: readiness reports the schema,
 * and a value the database refuses (NUL in a title, which PostgreSQL cannot store) is a 4xx with
 * {@code {"error","detail"}} and stores nothing. The database-down paths (503) need a server that
 * can be stopped: TwoInstancesIT.
 */
@QuarkusTest
class DatabaseErrorsTest {
    @Inject
    TestData data;

    Project project;
    String manager;

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Harbour sensors", data.user("ines"));
        manager = TestData.token("ines");
    }

    /** A save whose parent row vanished at the same moment (a racing delete) is a 409 with our JSON, not a 500. */
    @Test
    void aWriteWhoseParentIsGoneIs409AndStoresNothing() {
        long layers = QuarkusTransaction.requiringNew().call(() -> dev.credence.annotation.Layer.count());
        TestData.api(manager).when().post("/api/v1/test-only/dangling-reference")
                .then().statusCode(409)
                .body("error", equalTo("conflict"))
                .body("detail", equalTo("Something this refers to was deleted or changed at the same moment;"
                        + " reload and try again."));
        assertEquals(layers, (long) QuarkusTransaction.requiringNew().call(() -> dev.credence.annotation.Layer.count()));
    }

    @Test
    void readinessReportsTheMigratedSchema() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database schema"));
    }

    @Test
    void aTitleWithNulIsRefusedNotA500AndNothingIsStoredOnPostgres() {
        assumeTrue(System.getProperty("quarkus.test.profile", "").contains("pg"),
                "H2 stores NUL; PostgreSQL refuses it (SQLState 22021)");
        TestData.api(manager).body(Map.of("title", "Tide gauges\u0000 offline", "publisher", "The Coastal Ledger",
                        "text", "The harbour authority said the gauges worked throughout the storm."))
                .when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .body("error", notNullValue()).body("detail", notNullValue());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Document.count("project.id = ?1", project.id)));
    }
}
