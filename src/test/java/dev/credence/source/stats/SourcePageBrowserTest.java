package dev.credence.source.stats;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.credence.corroboration.CorroborationFixtures.PAGE_NOISE;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.corroboration.CorroborationFixtures;
import dev.credence.document.Document;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source's page with a year of claims: the record's figures, the three charts (images with a summary as their
 * name), their tables behind "Table: …" opened from the keyboard, and the reliability history with each change.
 */
@QuarkusTest
class SourcePageBrowserTest {
    static final int MONTHS = 12;
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    CorroborationFixtures fixtures;
    @Inject
    AnnotationFixtures annotations;

    BrowserContext context;
    Page page;
    long source;

    @BeforeAll
    static void launch() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void shutdown() {
        BrowserSupport.close(browser, playwright);
    }

    /** A harbour story of about 4 kB (page furniture included), one per month, in our own words. */
    static String article(int month) {
        return "Port Alder Gazette · Harbour · Live 🛳️\nSubscribe for “morning tides” updates\n"
                + "The harbour authority said on Monday that " + (3 + month) + " cranes at the container terminal stood idle"
                + " after the storm of month " + (month + 1) + ".\n"
                + "Dock workers told reporters the backlog would take “at least a week” to clear.\n" + PAGE_NOISE;
    }

    static String claimText(int month) {
        return "The harbour authority said on Monday that " + (3 + month) + " cranes at the container terminal stood idle";
    }

    @BeforeEach
    void setUp() {
        var w = fixtures.world();
        String rita = TestData.token("rita");
        String mona = TestData.token("mona");
        List<Long> claims = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (int m = 0; m < MONTHS; m++) {
            String text = article(m);
            Document d = annotations.document(w.project(), "Cranes idle, month " + (m + 1), text);
            LocalDate day = LocalDate.of(2026, 1 + m, 2);
            QuarkusTransaction.requiringNew().run(() -> Document.<Document>findById(d.id).publishedAt = day);
            docs.add(d);
            Map<String, Object> body = claim(text, claimText(m), m % 7 == 6 ? null : 1 + m % 6, "Port Alder harbour authority",
                    "government_statement");
            claims.add(create(rita, d, body));
        }
        for (int m = 0; m + 1 < MONTHS; m += 3) {
            link(rita, claims.get(m), claims.get(m + 1), "corroborates", "independent");
        }
        link(rita, claims.get(10), claims.get(11), "contradicts", "unknown");
        for (Document d : docs) {
            TestData.api(rita).when().post("/api/v1/documents/" + d.id + "/submit").then().statusCode(200);
        }
        source = TestData.api(mona).queryParam("q", "harbour authority").when().get("/api/v1/sources").then()
                .extract().jsonPath().getLong("[0].id");
        grade(mona, w.project().id, "C", "A single statement, not yet checked");
        grade(mona, w.project().id, "B", "Crane counts matched the port’s own webcam 📷 twice");
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        BrowserSupport.login(page, base.toString(), "mona", TestData.PASSWORD);
    }

    private static void link(String token, long from, long to, String relation, String origin) {
        TestData.api(token).body(Map.of("targetClaimId", to, "relation", relation, "origin", origin)).when()
                .post("/api/v1/claims/" + from + "/links").then().statusCode(201);
    }

    private void grade(String token, long project, String g, String why) {
        TestData.api(token).body(Map.of("projectId", project, "grade", g, "rationale", why)).when()
                .post("/api/v1/sources/" + source + "/grades").then().statusCode(201);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theRecordIsChartedWithTablesAndTheReliabilityHistoryShowsEachChange() {
        page.navigate(base + "sources/" + source);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Record in your projects"))).isVisible();
        Locator figures = page.locator(".record-figures");
        assertThat(figures).containsText("Claims attributed");
        assertThat(figures).containsText("12");
        assertThat(figures).containsText("12 submitted");
        // Four independent links, both ends counted: 8 claims; one contradiction link: 2.
        assertThat(figures.locator("div").nth(1)).containsText("8");
        assertThat(figures.locator("div").nth(2)).containsText("2");

        Locator months = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Claims per month\\. 2026-01 to 2026-12: 12 claims, 8 independently corroborated")));
        assertThat(months).isVisible();
        assertEquals(12, months.locator("rect.bar.claims").count());
        Locator credibility = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Credibility of its claims\\. 12 claims")));
        assertThat(credibility).isVisible();
        // Grades by colour and by words, in the chart itself.
        assertThat(credibility.locator("text.label").first()).hasText("1 confirmed by other sources");
        assertTrue(Double.parseDouble(credibility.locator("rect.cred-1").getAttribute("width")) > 0);
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Reliability given to it in claims\\. 12 hops")))).isVisible();

        // The table behind the monthly chart, from the keyboard.
        Locator summary = page.locator("summary", new Page.LocatorOptions().setHasText("Table: claims per month"));
        summary.focus();
        page.keyboard().press("Enter");
        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(
                "Claims attributed to Port Alder harbour authority per month of publication"));
        assertThat(table).isVisible();
        assertThat(table.getByRole(AriaRole.ROW)).hasCount(MONTHS + 1);
        assertThat(table.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^2026-01 1 1 0$")))).isVisible();

        Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Reliability grades of Port Alder harbour authority")));
        assertThat(history.getByRole(AriaRole.ROW).nth(1)).containsText("C → B");
        assertThat(history.getByRole(AriaRole.ROW).nth(1)).containsText("Crane counts matched");
        assertThat(history.getByRole(AriaRole.ROW).nth(2)).containsText("first grade");
        BrowserSupport.screenshot(page, "source-01-record");
    }
}
