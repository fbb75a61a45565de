package dev.credence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.support.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions survive a restart of the packaged H2 app ({@code target/quarkus-app/quarkus-run.jar}): the first start
 * writes the session key to the key file with owner-only permissions, the second start reads it, and the cookie
 * of the first start still opens pages; an instance with another key file (a new key) does not accept it.
 * The start-up log has no WARN line. Run after a package: {@code ./mvnw -DskipTests package && ./mvnw test
 * -Dtest=SessionKeyIT}; {@code ./mvnw verify} runs it with the other *IT.
 */
class SessionKeyIT {
    static final String PASSWORD = "session-key-admin-password";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sessionsSurviveARestartAndTheKeyFileIsPrivate() throws Exception {
        Path jar = Path.of(System.getProperty("credence.app", "target/quarkus-app/quarkus-run.jar"));
        Path dir = Files.createTempDirectory("session-key-it");
        Path keyFile = dir.resolve("data").resolve("session.key");
        Map<String, String> env = env(dir, keyFile);
        String cookie;
        try (AppProcess first = AppProcess.start(jar, env, Path.of("target", "session-key-it", "first.log"))) {
            first.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
            cookie = login(first);
            assertEquals(200, page(first, cookie), "logged in on the first start");
            String log = Files.readString(Path.of("target", "session-key-it", "first.log"));
            assertFalse(log.contains(" WARN "), "no warning at a first start:\n" + log);
            assertFalse(log.contains("temporary key"), log);
        }
        assertTrue(Files.isRegularFile(keyFile), "the first start wrote " + keyFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertTrue(Files.readString(keyFile).strip().length() >= 32);

        try (AppProcess second = AppProcess.start(jar, env, Path.of("target", "session-key-it", "second.log"))) {
            second.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
            assertEquals(200, page(second, cookie), "the session of the first start is valid after the restart");
        }

        Map<String, String> otherKey = env(dir, dir.resolve("other").resolve("session.key"));
        try (AppProcess third = AppProcess.start(jar, otherKey, Path.of("target", "session-key-it", "third.log"))) {
            third.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(120));
            assertEquals(302, page(third, cookie), "another key does not open the old session (login page)");
        }
    }

    private static Map<String, String> env(Path dir, Path keyFile) {
        Map<String, String> env = new HashMap<>();
        env.put("CREDENCE_ADMIN_USER", "admin");
        env.put("CREDENCE_ADMIN_PASSWORD", PASSWORD);
        env.put("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:h2:file:" + dir.resolve("credence") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        env.put("CREDENCE_EXPORT_DIR", dir.resolve("exports").toString());
        env.put("CREDENCE_SESSION_KEY_FILE", keyFile.toString());
        env.remove("CREDENCE_SESSION_KEY");
        return env;
    }

    private static String login(AppProcess app) throws Exception {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/j_security_check")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, r.statusCode());
        String cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("credence-session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        assertNotNull(cookie, "a session cookie: " + r.headers().map());
        return cookie;
    }

    private static int page(AppProcess app, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/projects"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
