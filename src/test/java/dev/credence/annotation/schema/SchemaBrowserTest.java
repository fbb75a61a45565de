package dev.credence.annotation.schema;

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
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.DocumentPageFixtures;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager adds a claim kind with its key on the settings page; a reviewer uses it on the document page by key. */
@QuarkusTest
class SchemaBrowserTest {
    static final String CLAIM = "a “sea-state sensor” network had gone dark for 41 hours";

    /** A scraped page of real size: menus, ad breaks, emoji, curly quotes, teasers, a comment widget. */
    static final String ARTICLE;

    static {
        StringBuilder t = new StringBuilder();
        t.append("Home | World | Maritime | Opinion | Newsletters 📰\n\n");
        t.append("Buoys off Port Sallow went silent, and nobody will say why 🌊\n\n");
        t.append("By a staff reporter · 4 min read\n\n");
        t.append("Officials at the Sallow Harbour Authority told reporters on Monday that ").append(CLAIM)
                .append(", the longest outage since the network was installed.\n\n");
        t.append("STORY CONTINUES BELOW THIS AD\n\n");
        String[] fill = {
            "The authority’s spokeswoman, Ilse Varnay, said engineers were “working through the night” to restore the feed.",
            "Fishermen in the harbour said they had relied on the readings for years — “you stop trusting the sea when the numbers stop,” one said.",
            "Analysts at the Brackwater Institute believe the outage may be linked to a software update pushed in late spring.",
            "A regional newspaper, citing two unnamed engineers, reported that a cable junction had flooded 💧.",
            "The ministry said it had “no indication” of interference and called speculation premature.",
        };
        for (int i = 0; i < 8; i++) {
            for (String s : fill) {
                t.append(s).append(' ');
            }
            t.append("\n\nRELATED: Tidal records broken twice this winter ⚓ · Ferry timetables change again\n\n");
        }
        t.append("Comments (12) · Log in to join the conversation 💬\n");
        ARTICLE = t.toString();
    }

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;

    Project project;
    Document doc;
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
        User manager = data.user("mara");
        project = data.project("Sallow buoys", manager);
        doc = fixtures.document(project, manager, "Buoys off Port Sallow went silent", ARTICLE);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        BrowserSupport.login(page, base.toString(), "mara", TestData.PASSWORD);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void newKindFromTheSettingsPageIsUsedByItsKey() {
        assertTrue(ARTICLE.length() > 3000, "a page of real size");
        page.navigate(base + "projects/" + project.id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Label schema")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Label schema").setLevel(1)))
                .isVisible();
        Locator kinds = page.locator("section#kind");
        // A key the page uses itself is refused next to the field, the typed values kept.
        kinds.getByLabel("Claim kinds 7 name").fill("rumour");
        kinds.getByLabel("Claim kinds 7 label").fill("Rumour (unconfirmed)");
        kinds.getByLabel("Claim kinds 7 key").fill("j");
        kinds.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save claim kinds")).click();
        assertThat(page.locator("section#kind [role=alert]")).containsText("kind[6].key");
        assertThat(page.locator("section#kind").getByLabel("Claim kinds 7 name")).hasValue("rumour");
        page.locator("section#kind").getByLabel("Claim kinds 7 key").fill("r");
        page.locator("section#kind").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save claim kinds")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Claim kinds saved.");
        assertThat(page.locator("section#kind").getByLabel("Claim kinds 7 name")).hasValue("rumour");
        BrowserSupport.screenshot(page, "schema-01-settings");

        page.navigate(base + "documents/" + doc.id);
        BrowserSupport.selectText(page, CLAIM);
        page.keyboard().press("c");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        assertThat(form).isVisible();
        page.keyboard().press("r"); // the new kind's key
        assertThat(form.getByLabel("Kind")).hasValue("rumour");
        assertThat(page.locator("#status")).hasText("Kind: Rumour (unconfirmed)");
        page.keyboard().press("Shift+H"); // stances with Shift
        assertThat(form.getByLabel("Stance")).hasValue("hedged");
        Locator originator = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator"));
        originator.getByLabel("Source").fill("Sallow Harbour Authority");
        originator.getByLabel("Type (if new)").selectOption("government_statement");
        BrowserSupport.screenshot(page, "schema-02-claim-form");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add claim")).click();

        Locator item = page.locator("#claim-list .claim-item");
        assertThat(item).hasCount(1);
        assertThat(item.locator(".kind-tag")).hasText("Rumour (unconfirmed)");
        String stored = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findAll().firstResult().kind);
        assertEquals("rumour", stored);
        BrowserSupport.screenshot(page, "schema-03-claim-added");
    }
}
