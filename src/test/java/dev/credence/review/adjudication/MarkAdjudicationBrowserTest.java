package dev.credence.review.adjudication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mentions and cues are adjudication items beside claims: the adjudicator settles a cue the reviewers classed
 * differently and a mention only one reviewer marked, is warned with the number of open items when finishing
 * early, and finishes after confirming.
 */
@QuarkusTest
class MarkAdjudicationBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    AdjudicationFixtures fx;

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
        fx.setUp();
        fx.ritaAnnotates();
        fx.samAnnotates();
        fx.annotations.createCue(fx.doc, fx.rita, span(ARTICLE, "believe"), "belief");
        fx.annotations.createCue(fx.doc, fx.sam, span(ARTICLE, "believe"), "hedge");
        fx.annotations.createMention(fx.doc, fx.rita, span(ARTICLE, "Officials"), null, "Harbor officials",
                "anonymous_official");
        fx.submit(fx.rita);
        fx.submit(fx.sam);
    }

    @Test
    void cuesAndMentionsAreSettledAndFinishingWithOpenItemsAsksFirst() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base.toString(), "ada", TestData.PASSWORD);
            page.navigate(base + "documents/" + fx.doc.id + "/adjudicate");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start adjudication")).click();

            Locator cue = page.locator("#cue-item-list li", new Page.LocatorOptions().setHasText("believe"));
            assertThat(cue.locator(".item-status")).hasText("open");
            assertThat(cue.locator("td.differs").first()).containsText("belief");
            // accept sam's class (reviewer 2)
            cue.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept reviewer 2's cue “believe”"))
                    .click();
            cue = page.locator("#cue-item-list li", new Page.LocatorOptions().setHasText("believe"));
            assertThat(cue.locator(".item-status")).hasText("resolved");
            assertThat(cue.locator(".gold-claim .tag")).hasText("hedge");

            Locator mention = page.locator("#mention-item-list li", new Page.LocatorOptions().setHasText("Officials"));
            assertThat(mention.locator(".item-status")).hasText("open");
            assertThat(mention.locator("tr.version").nth(1)).containsText("nothing marked here");

            // 3 open: the mention, the claim only rita marked, and the disputed claim
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finish adjudication…")).click();
            assertThat(page.locator("#open-items")).containsText("3 items are still open");
            BrowserSupport.screenshot(page, "adjudicate-finish-confirm");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the open items")).click();

            mention = page.locator("#mention-item-list li", new Page.LocatorOptions().setHasText("Officials"));
            mention.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Accept reviewer 1's mention “Officials”")).click();
            mention = page.locator("#mention-item-list li", new Page.LocatorOptions().setHasText("Officials"));
            assertThat(mention.locator(".gold-claim .tag")).hasText("Harbor officials");
            BrowserSupport.screenshot(page, "adjudicate-marks");
            // the table fits its panel at 1440 px
            Object overflow = page.evaluate("() => [...document.querySelectorAll('.panel table.versions')]"
                    + ".some(t => t.getBoundingClientRect().right > t.closest('.panel').getBoundingClientRect().right + 1)");
            assertTrue(!(Boolean) overflow, "a versions table overflows its panel at 1440 px");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finish adjudication…")).click();
            assertThat(page.locator("#open-items")).containsText("2 items are still open");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish with 2 open")).click();
            assertThat(page.locator(".layer-state strong")).hasText("finished");
        }
    }
}
