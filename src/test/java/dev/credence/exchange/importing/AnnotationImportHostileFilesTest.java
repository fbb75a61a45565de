package dev.credence.exchange.importing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.document.Document;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import property over the real route, with files drawn from the jqwik generators of
 * {@link ImportMutations} (valid files cut, spliced and overwritten): every answer is 2xx or 4xx, never 5xx;
 * a refused file stores nothing at all; an accepted one stores exactly the documents it reports.
 */
@QuarkusTest
class AnnotationImportHostileFilesTest {
    private static final int FILES_PER_FORMAT = 40;

    @Inject
    TestData data;

    Project project;
    String token;

    @BeforeEach
    void setUp() {
        data.reset();
        var mara = data.user("mara");
        data.user("rita");
        project = data.project("Hostile files", mara);
        data.member(project, "rita", "reviewer");
        token = TestData.token("mara");
    }

    long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] { Document.count("project.id", project.id),
                Layer.count("document.project.id", project.id), Claim.count("layer.document.project.id", project.id) });
    }

    @Test
    void neverAServerErrorAndNeverHalfAFile() {
        for (AnnotationImportFormat format : AnnotationImportFormat.values()) {
            List<byte[]> files = ImportMutations.file(format).sampleStream().limit(FILES_PER_FORMAT).toList();
            for (byte[] file : files) {
                long[] before = counts();
                Response r = given().header("Authorization", "Bearer " + token).contentType("application/octet-stream")
                        .body(file).when()
                        .post("/api/v1/projects/" + project.id + "/import?format=" + format + "&layer="
                                + (format == AnnotationImportFormat.jsonl ? "as-exported" : "rita"));
                int status = r.statusCode();
                String shown = new String(file, java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(status < 500, format + " → " + status + " " + r.asString() + "\nfile: " + shown);
                long[] after = counts();
                if (status >= 400) {
                    assertEquals(before[0], after[0], "refused, yet documents stored: " + shown);
                    assertEquals(before[1], after[1], "refused, yet layers stored: " + shown);
                    assertEquals(before[2], after[2], "refused, yet claims stored: " + shown);
                    assertTrue(r.jsonPath().getString("detail") != null, r.asString());
                } else {
                    int imported = r.jsonPath().getList("imported").size();
                    assertEquals(before[0] + imported, after[0], r.asString());
                    assertEquals(before[2] + r.jsonPath().getInt("claims"), after[2], r.asString());
                }
            }
        }
    }
}
