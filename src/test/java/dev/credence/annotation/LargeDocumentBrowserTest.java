package dev.credence.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The document page with 400 claims (compact items written by DocumentPageHtml, laid out lazily by the browser):
 * panel and text stay linked far down the list, the keyboard and the delegated edit/delete work there, and the
 * page fits at 1440 and 390 px.
 */
@QuarkusTest
class LargeDocumentBrowserTest {
    static final int N = 400;
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;

    Document doc;
    String text;
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
        Project p = data.project("Fleet digest", rita);
        StringBuilder sb = new StringBuilder("Fleet tracker 🚢⚓ 第一 weekly digest — “harbour notes”\n\n");
        int[] starts = new int[N];
        int[] ends = new int[N];
        for (int i = 0; i < N; i++) {
            starts[i] = sb.codePointCount(0, sb.length());
            sb.append("Analysts at Kestrel Labs said vessel ").append(i).append(" 🛳 left port on schedule.");
            ends[i] = sb.codePointCount(0, sb.length());
            sb.append(i % 5 == 4 ? "\n\n" : " ");
        }
        text = sb.toString();
        doc = fixtures.document(p, rita, "Fleet digest", text);
        fixtures.bulkClaims(doc, rita, starts, ends);
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
        BrowserSupport.login(page, base.toString(), "rita", TestData.PASSWORD);
        page.navigate(base + "documents/" + doc.id);
        page.waitForFunction("() => document.body.dataset.ready === 'true' && document.body.dataset.workbench === 'ready'");
    }

    /** The viewport only: a full-page picture of 400 claims is too tall to look at. */
    private void shot(String name) {
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Paths.get("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get("target/screenshots/" + name + ".png")));
    }

    private Locator item(int i) {
        return page.locator("#claim-list .claim-item").nth(i);
    }

    @Test
    void farDownTheListPanelTextAndKeysStayLinked() {
        open(1440, 900);
        assertThat(page.locator("#claim-list .claim-item")).hasCount(N);
        assertThat(page.locator("#claims-h .count")).hasText(String.valueOf(N));

        // a click on claim 350 selects its text; j / k move through the list from there
        item(350).locator(".claim-show").click();
        assertThat(item(350)).hasClass(java.util.regex.Pattern.compile("selected"));
        String id350 = item(350).getAttribute("data-claim");
        assertThat(page.locator("#doc-text .seg.sel")).hasText("Analysts at Kestrel Labs said vessel 350 🛳 left port on schedule.");
        assertEquals(id350, page.locator("#doc-text .seg.sel").getAttribute("data-c"));
        page.keyboard().press("j");
        assertThat(item(351).locator(".claim-show")).isFocused();
        assertThat(item(351)).hasAttribute("aria-current", "true");
        page.keyboard().press("k");
        page.keyboard().press("k");
        assertThat(item(349).locator(".claim-show")).isFocused();

        // a click in the text far down selects its claim in the panel
        page.locator("#doc-text .seg[data-c]").nth(390).click();
        assertThat(item(390).locator(".claim-show")).isFocused();

        // e: the delegated handler opens the edit form in place for the focused claim
        page.keyboard().press("e");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"));
        assertThat(form).isVisible();
        assertThat(form.getByLabel("Claim text")).hasText("Analysts at Kestrel Labs said vessel 390 🛳 left port on schedule.");
        assertEquals("/documents/" + doc.id, java.net.URI.create(page.url()).getPath(), "in place, not a new page");
        shot("large-1440-edit");
        page.keyboard().press("Escape");
        assertThat(form).hasCount(0);

        // x on the focused claim: asks, then deletes that one and nothing else
        item(390).locator(".claim-show").focus();
        String id390 = item(390).getAttribute("data-claim");
        String[] asked = new String[1];
        page.onceDialog(d -> {
            asked[0] = d.message();
            d.accept();
        });
        page.keyboard().press("x");
        assertThat(page.locator("#claim-list .claim-item")).hasCount(N - 1);
        assertEquals("Delete this claim and its attribution?", asked[0]);
        assertThat(page.locator("#claim-" + id390)).hasCount(0);
        long left = QuarkusTransaction.requiringNew().call(() -> Claim.count("layer.document.id", doc.id));
        assertEquals(N - 1, left);
        // a dismissed confirmation deletes nothing
        page.onceDialog(d -> d.dismiss());
        item(10).locator("[data-delete]").click();
        page.waitForTimeout(300);
        assertThat(page.locator("#claim-list .claim-item")).hasCount(N - 1);
        shot("large-1440");
    }

    @Test
    void at390PixelsTheLongListIsInTheDrawer() {
        open(390, 844);
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertEquals(Boolean.TRUE, fits, "the page scrolls sideways at 390 px");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annotations").setExact(true)).click();
        assertThat(page.locator("#panel")).hasClass(java.util.regex.Pattern.compile("open"));
        item(0).locator(".claim-show").click();
        page.keyboard().press("j");
        assertThat(item(1).locator(".claim-show")).isFocused();
        shot("large-390-drawer");
    }
}
