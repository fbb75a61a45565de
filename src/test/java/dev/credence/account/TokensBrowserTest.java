package dev.credence.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A person creates an API token (seen once), finds it listed, revokes it; and meets the login throttle. */
@QuarkusTest
class TokensBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

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
        data.reset();
        data.user("ines");
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void createShownOnceListedRevoke() {
        BrowserSupport.login(page, base.toString(), "ines", TestData.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API tokens"))).isVisible();

        page.getByLabel("Name (what the token is for)").fill("Desk laptop script");
        page.getByLabel("Expires").selectOption("90");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();

        Locator created = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("New token “Desk laptop script”"));
        assertThat(created).isVisible();
        String token = created.getByLabel("Your new token").inputValue();
        assertTrue(token.startsWith("cred_"), token);
        BrowserSupport.screenshot(page, "tokens-created");

        // the token works against the API
        var api = context.request().get(base + "api/v1/tokens",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        assertEquals(200, api.status());

        // shown once: opening the page again lists it without the secret
        page.navigate(base + "account/tokens");
        assertThat(page.getByLabel("Your new token")).hasCount(0);
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Desk laptop script"));
        assertThat(row).containsText("active");
        assertTrue(!page.content().contains(token));

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke Desk laptop script")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("revoked")))
                .containsText("Token “Desk laptop script” revoked.");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Desk laptop script")))
                .containsText("revoked");
        var refused = context.request().get(base + "api/v1/projects",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        assertEquals(401, refused.status());
    }

    @Test
    void throttledLoginShowsAMessage() {
        page.navigate(base + "login");
        for (int i = 0; i < 5; i++) {
            page.getByLabel("Username").fill("ines");
            page.getByLabel("Password").fill("not-her-password-" + i);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong username or password.");
        }
        page.getByLabel("Username").fill("ines");
        page.getByLabel("Password").fill(TestData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Too many failed login attempts");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("try again in 15 minutes");
        BrowserSupport.screenshot(page, "login-throttled");
        // still not logged in
        page.navigate(base + "projects");
        assertTrue(page.url().contains("/login"), page.url());
    }
}
