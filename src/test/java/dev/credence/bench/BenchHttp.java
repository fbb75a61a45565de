package dev.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;

/** The load generator's HTTP side: the app's real routes over java.net.http, HTTP/1.1 keep-alive. */
final class BenchHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body, String setCookie) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    final String base;

    BenchHttp(String base, int threads) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(Math.max(4, threads / 4))).build();
    }

    /** A request with a bearer token (API) or a session cookie (pages); a connection failure throws IOException. */
    Reply send(String method, String path, String token, String cookie, String contentType, String body)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return exchange(b.build());
    }

    Reply json(String method, String path, String token, Object body) throws IOException {
        return send(method, path, token, null, body == null ? null : "application/json",
                body == null ? null : JSON.writeValueAsString(body));
    }

    /** POST /api/v1/tokens with HTTP Basic credentials: the API's login. */
    String token(String user, String password) throws IOException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        Reply reply = exchange(r);
        if (reply.status() != 200) {
            throw new IOException("token for " + user + ": HTTP " + reply.status() + " " + reply.body());
        }
        return reply.json().get("token").asText();
    }

    /** The browser's form login (POST /j_security_check); returns the session cookie. */
    String formLogin(String user, String password) throws IOException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Reply reply = send("POST", "/j_security_check", null, null, "application/x-www-form-urlencoded", form);
        if (reply.status() != 302 && reply.status() != 303 || reply.setCookie() == null) {
            throw new IOException("form login for " + user + ": HTTP " + reply.status());
        }
        return reply.setCookie();
    }

    /** A page as a browser would fetch it (gzip accepted); the body is only counted. */
    Reply page(String path, String cookie) throws IOException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                .header("Cookie", cookie).header("Accept", "text/html").header("Accept-Encoding", "gzip").GET()
                .build();
        try {
            HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(resp.statusCode(), "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Reply exchange(HttpRequest r) throws IOException {
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String cookie = resp.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("credence-session=")).map(c -> c.split(";", 2)[0]).findFirst()
                    .orElse(null);
            return new Reply(resp.statusCode(), resp.body(), cookie);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
