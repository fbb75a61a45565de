package dev.credence;

import static io.restassured.RestAssured.given;

import dev.credence.account.User;
import dev.credence.account.UserService;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import dev.credence.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures: wipe the database (keeping the bootstrap admin), create users,
 * projects and API tokens. Inject it into any @QuarkusTest.
 */
@ApplicationScoped
public class TestData {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "correct-horse-battery";

    @Inject
    EntityManager em;
    @Inject
    UserService users;
    @Inject
    ProjectService projects;
    @Inject
    HistoryService history;

    /** Deletes everything but the admin user, children before parents. */
    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("export_job", "attribution_hop", "claim", "mention", "cue", "layer", "source_grade",
                    "source_alias", "document_revision", "document", "membership", "api_token", "login_failure", "project")) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            em.createNativeQuery("update source set parent_id = null").executeUpdate();
            em.createNativeQuery("delete from source").executeUpdate();
            em.createNativeQuery("delete from app_user where username <> '" + ADMIN + "'").executeUpdate();
            // Bulk deletes in SQL: the change marker that makes every search index compare everything (docs/search.md).
            history.record(null, null, null, "database", 0L, ChangeAction.delete, null, null);
        });
    }

    public User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> users.create(username, PASSWORD, username + " Display"));
    }

    public Project project(String name, User manager) {
        return QuarkusTransaction.requiringNew().call(() -> projects.create(manager, name, "about " + name, null));
    }

    public void member(Project project, String username, String role) {
        QuarkusTransaction.requiringNew().run(() -> projects.setMember(project, username, role));
    }

    /** A bearer token for the user, obtained through the real token route. */
    public static String token(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON)
                .when().post("/api/v1/tokens")
                .then().statusCode(200).extract().path("token");
    }

    public static String token(String username) {
        return token(username, ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD);
    }

    /** A JSON API request with the user's bearer token. */
    public static RequestSpecification api(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /**
     * Logs in through the real form and returns the session cookie, for page tests.
     * Page POSTs also need the CSRF cookie and field: see {@link #csrf(Map)}.
     */
    public static Map<String, String> login(String username, String password) {
        var response = given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
        return Map.of("credence-session", response.getCookie("credence-session"));
    }

    public static Map<String, String> login(String username) {
        return login(username, ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD);
    }

    /**
     * Fetches a page to obtain a CSRF token; returns cookies (session + csrf) and the token.
     */
    public static Csrf csrf(Map<String, String> session, String page) {
        var response = given().cookies(session).when().get(page);
        String token = org.jsoup.Jsoup.parse(response.asString()).select("input[name=csrf-token]").attr("value");
        var cookies = new java.util.HashMap<>(session);
        String csrfCookie = response.getCookie("csrf-token");
        if (csrfCookie != null) {
            cookies.put("csrf-token", csrfCookie);
        }
        return new Csrf(cookies, token);
    }

    public record Csrf(Map<String, String> cookies, String token) {
        /** A form POST carrying session, CSRF cookie and field; redirects are not followed. */
        public RequestSpecification form() {
            return given().redirects().follow(false).cookies(cookies).contentType(ContentType.URLENC)
                    .formParam("csrf-token", token);
        }
    }
}
