package dev.credence.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages (Qute HTML) and the JSON API are gzip-compressed for a client that accepts it, and sent plain to one
 * that does not (quarkus.http.enable-compression; the 1,000-claim document page goes from 1.9 MB to ≈ 65 kB,
 * docs/benchmarks.md). RestAssured's own decoding is off, so the test sees the bytes on the wire.
 */
@QuarkusTest
class CompressionTest {
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        TestData.api(TestData.token(TestData.ADMIN)).body("{\"name\":\"Compression project\"}")
                .when().post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void htmlPagesAreGzippedWhenTheClientAcceptsIt() throws IOException {
        var session = TestData.login(TestData.ADMIN);
        Response r = raw().cookies(session).header("Accept-Encoding", "gzip").when().get("/projects");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertEquals("gzip", r.header("Content-Encoding"));
        String html = gunzip(r.asByteArray());
        assertTrue(html.contains("Compression project"), html);

        Response plain = raw().cookies(session).when().get("/projects");
        assertNull(plain.header("Content-Encoding"));
        assertTrue(plain.asString().contains("Compression project"));
    }

    @Test
    void jsonIsGzippedWhenTheClientAcceptsIt() throws IOException {
        String token = TestData.token(TestData.ADMIN);
        Response r = raw().header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip")
                .when().get("/api/v1/projects");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("gzip", r.header("Content-Encoding"));
        String json = gunzip(r.asByteArray());
        assertTrue(new ObjectMapper().readTree(json).toString().contains("Compression project"), json);

        Response plain = raw().header("Authorization", "Bearer " + token).when().get("/api/v1/projects");
        assertNull(plain.header("Content-Encoding"));
        assertTrue(plain.asString().contains("Compression project"));
    }

    private static RequestSpecification raw() {
        return given().config(RAW).redirects().follow(false);
    }

    private static String gunzip(byte[] body) throws IOException {
        assertTrue(body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b, "not gzip bytes");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
