package dev.credence.corroboration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_LEDGER;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.support.BrowserSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linking claims from the claim form, the grade-1 warning, and project search, in Chromium. */
@QuarkusTest
class CorroborationBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    CorroborationFixtures fixtures;

    CorroborationFixtures.World w;
    long courierClaim;
    long ledgerClaim;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void shutdown() {
        BrowserSupport.close(browser, playwright);
    }

    @BeforeEach
    void setUp() {
        w = fixtures.world();
        String rita = TestData.token("rita");
        courierClaim = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 2, "Defence ministry", "government_statement"));
        ledgerClaim = create(rita, w.ledger(), claim(LEDGER, STRIKE_LEDGER, 2, "Defence ministry", "government_statement"));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        BrowserSupport.login(page, base.toString(), "rita", TestData.PASSWORD);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void linkAnIndependentCorroborationFromTheClaimForm() {
        // The panel the form loads, as htmx asks for it.
        String panel = io.restassured.RestAssured.given().cookies(TestData.login("rita")).header("HX-Request", "true")
                .when().get("/claims/" + courierClaim + "/corroboration").then().extract().asString();
        assertTrue(panel.contains("corr-candidate"), panel);
        page.navigate(base + "documents/" + w.courier().id + "/claims/" + courierClaim + "/edit");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"));
        assertThat(form).isVisible();
        Locator warning = page.locator("#grade1-warning");
        assertThat(warning).isHidden();
        form.getByLabel("1 confirmed").check();
        assertThat(warning).isVisible();
        assertThat(warning).containsText("no independent corroboration");

        // The panel shows the Ledger's claim as a candidate, with its source.
        Locator candidate = page.locator(".corr-candidate").first();
        assertThat(candidate).containsText("A rocket strike hit the radar station");
        assertThat(candidate).containsText("Defence ministry · government statement");
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Link to claim " + ledgerClaim))
                .getByLabel("Origin").selectOption("shared");
        candidate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Link")).click();
        Locator links = page.locator(".corr-links");
        assertThat(links).containsText("shared origin");
        assertThat(links).containsText("does not count toward 1");
        assertThat(warning).isVisible(); // shared origin never counts

        // Replace it with an independent one, by keyboard.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove link to “A rocket strike hit the radar station at Port Alder”")).click();
        assertThat(page.locator(".corr-links")).hasCount(0);
        Locator origin = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Link to claim " + ledgerClaim))
                .getByLabel("Origin");
        origin.focus();
        origin.selectOption("independent");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator(".corr-status")).containsText("1 independent corroboration");
        assertThat(page.locator(".corr-links")).containsText("counts toward 1");
        assertThat(warning).isHidden();
        BrowserSupport.screenshot(page, "corroboration-claim-form");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save claim")).click();
        assertThat(page.locator(".claim-form")).hasCount(0); // saved: the workspace shows the claim list again
        // The API sees the link the browser made.
        TestData.api(TestData.token("rita")).when().get("/api/v1/claims/" + courierClaim + "/links").then()
                .statusCode(200).body("independentCorroborations", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void searchFromTheProjectPage() {
        page.navigate(base + "projects/" + w.project().id);
        Locator box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search documents and claims in Port Alder strike"));
        box.fill("rockets radar");
        box.press("Enter");
        page.waitForURL(u -> u.contains("/search?q="));
        assertThat(page.locator("#search-summary")).containsText("2 documents and 2 claims match.");
        Locator marks = page.locator(".snippet mark");
        assertTrue(marks.allTextContents().contains("Missiles"), marks.allTextContents().toString());
        BrowserSupport.screenshot(page, "project-search");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Radar station hit").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Radar station hit"))).isVisible();
        // The box is on the document page too, and a filter works from it.
        Locator again = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search documents and claims in Port Alder strike"));
        again.fill("source:\"Defence ministry\"");
        again.press("Enter");
        assertThat(page.locator("#search-summary")).containsText("0 documents and 2 claims match.");
    }
}
