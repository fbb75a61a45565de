package dev.credence.annotation;

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

/** The document page's search (/), undo/redo (Ctrl+Z), guidelines panel and the 390 px layout, on a 6 kB article. */
@QuarkusTest
class WorkbenchBrowserTest {
    static Playwright playwright;
    static Browser browser;

    /** A fictional scraped article of real size: menus, an ad break, teasers, emoji, curly quotes. */
    static final String ARTICLE;

    static {
        StringBuilder b = new StringBuilder("Home | World | Ports & Shipping | Subscribe 📰\n\n"
                + "Harbour probes widen to a fourth country 🌊⚓ 港口安全\n\n");
        for (int i = 1; i <= 9; i++) {
            b.append("Paragraph ").append(i).append(": researchers at the fictional firm Kestrel Labs told the Daily ")
                    .append("Meridian that the “Tidewater” group had probed harbour control systems again, ")
                    .append("citing logs shared by two operators. A ministry spokesperson reportedly called the ")
                    .append("findings ‘speculative’ and said the ministry’s own review was not finished 🤷🏽.\n\n");
            if (i == 4) {
                b.append("STORY CONTINUES BELOW THIS AD\n\nRelated: Ferry timetables change in spring · Comments (12)\n\n");
            }
        }
        b.append("Military analysts believe the probes were a rehearsal for a wider campaign against ports.\n\n");
        b.append("© 2026 Daily Meridian · Privacy · Cookie settings · Newsletter sign-up\n");
        String base = b.toString();
        ARTICLE = base + "\n" + base.replace("Paragraph ", "Follow-up ");
    }

    static final String SENTENCE = "Military analysts believe the probes were a rehearsal for a wider campaign against ports.";

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;

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
        User rita = data.user("rita");
        Project p = data.project("Harbours", rita);
        QuarkusTransaction.requiringNew().run(() -> Project.<Project>findById(p.id).guidelines =
                "## Marking claims\n\nMark **one checkable assertion** per claim; the outlet is the last hop.");
        doc = fixtures.document(p, rita, "Harbour probes widen", ARTICLE);
        assertTrue(ARTICLE.length() > 3000 && ARTICLE.length() < 20000, "article size " + ARTICLE.length());
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private void open(int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        page = context.newPage();
        page.onDialog(d -> d.accept());
        BrowserSupport.login(page, base.toString(), "rita", TestData.PASSWORD);
        page.navigate(base + "documents/" + doc.id);
        page.waitForFunction("() => document.body.dataset.ready === 'true' && document.body.dataset.workbench === 'ready'");
    }

    private int highlights(String name) {
        return ((Number) page.evaluate("(n) => CSS.highlights.get(n) ? CSS.highlights.get(n).size : 0", name)).intValue();
    }

    @Test
    void slashSearchesTheTextAndEnterStepsThroughMatches() {
        open(1400, 900);
        page.locator("#doc-text").focus();
        page.keyboard().press("/");
        Locator box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search in the text"));
        assertThat(box).isFocused();
        box.pressSequentially("kestrel labs");
        // 9 paragraphs × 2 copies of the article; case-insensitive
        assertThat(page.locator("#search-count")).hasText("1 of 18");
        assertEquals(18, highlights("search"));
        assertEquals(1, highlights("search-current"));
        box.press("Enter");
        assertThat(page.locator("#search-count")).hasText("2 of 18");
        box.press("Shift+Enter");
        box.press("Shift+Enter");
        assertThat(page.locator("#search-count")).hasText("18 of 18");
        BrowserSupport.screenshot(page, "workbench-search");
        box.fill("no such words here");
        assertThat(page.locator("#search-count")).hasText("no match");
        assertEquals(0, highlights("search"));
        // the guidelines are beside the text
        page.getByText("Guidelines", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#guidelines")).containsText("one checkable assertion");
    }

    @Test
    void ctrlZUndoesAndCtrlShiftZRedoesCreateAndDelete() {
        open(1400, 900);
        BrowserSupport.selectText(page, SENTENCE);
        page.keyboard().press("c");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        form.getByLabel("Kind").selectOption("opinion");
        form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("3 possibly true")).check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add claim")).click();
        Locator items = page.locator("#claim-list .claim-item");
        assertThat(items).hasCount(1);

        page.locator("#doc-text").focus();
        page.keyboard().press("Control+z");
        assertThat(items).hasCount(0);
        assertThat(page.locator("#status")).containsText("Undone: claim creation");
        page.keyboard().press("Control+Shift+z");
        assertThat(items).hasCount(1);
        assertThat(page.locator("#status")).containsText("Redone");

        // delete it with its button, then undo the deletion: it comes back with its fields
        items.first().locator("[data-delete]").click();
        assertThat(items).hasCount(0);
        page.locator("#doc-text").focus();
        page.keyboard().press("Control+z");
        assertThat(items).hasCount(1);
        assertThat(items.first()).containsText("opinion");
        assertThat(items.first().locator(".claim-show")).containsText("Military analysts believe");
        long stored = QuarkusTransaction.requiringNew().call(() -> Claim.count("layer.document.id = ?1 and credibility = 3",
                doc.id));
        assertEquals(1, stored);
    }

    @Test
    void at390PixelsNothingScrollsSidewaysAndThePanelIsADrawer() {
        open(390, 844);
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= innerWidth");
        assertEquals(Boolean.TRUE, fits, () -> "the page scrolls sideways at 390 px: " + page.evaluate(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth"
                        + " && getComputedStyle(e).position !== 'fixed' && !e.closest('#panel'))"
                        + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
        Locator panel = page.locator("#panel");
        assertThat(panel).not().isVisible();
        Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annotations").setExact(true));
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        toggle.click();
        assertThat(panel).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Claims 0"))).isVisible();
        assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"));
        BrowserSupport.screenshot(page, "workbench-390-drawer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close annotations")).click();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(panel).not().isVisible();
        // marking opens the form in the drawer
        BrowserSupport.selectText(page, SENTENCE);
        page.keyboard().press("c");
        assertThat(page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"))).isVisible();
        assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"),
                "the claim form scrolls sideways at 390 px");
        BrowserSupport.screenshot(page, "workbench-390-form");
    }
}
