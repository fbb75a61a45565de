package dev.credence.review.adjudication;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.support.BrowserSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two reviewers annotate the same article (rita in the browser, sam through the service), both submit; the
 * adjudicator opens the side-by-side view, accepts sam's version by keyboard, finishes, and exports gold.
 */
@QuarkusTest
class AdjudicationFlowBrowserTest {
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
    }

    private Page login(BrowserContext context, String username) {
        Page page = context.newPage();
        page.onDialog(d -> d.accept()); // hx-confirm asks before submitting
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    private static void selectText(Page page, String needle) {
        page.evaluate("""
                (needle) => {
                  const root = document.getElementById('doc-text');
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  const nodes = []; let all = '';
                  while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
                  const from = all.indexOf(needle), to = from + needle.length;
                  const at = (i, end) => { for (const [n, o] of nodes) { if (i < o + n.data.length || (end && i === o + n.data.length)) return [n, i - o]; } };
                  const range = document.createRange();
                  range.setStart(...at(from, false)); range.setEnd(...at(to, true));
                  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                }""", needle);
    }

    private static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(Paths.get("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/" + name + ".png")));
    }

    @Test
    void twoReviewersThenAdjudicationByKeyboardThenGoldExport() throws Exception {
        // sam, through the service: the disputed claim graded 4 with one hop
        fx.annotations.createClaim(fx.doc, fx.sam, new dev.credence.annotation.ClaimInput(
                AnnotationFixtures.cp(AnnotationFixtures.ARTICLE, AdjudicationFixtures.DISPUTED),
                AnnotationFixtures.cp(AnnotationFixtures.ARTICLE, AdjudicationFixtures.DISPUTED)
                        + AdjudicationFixtures.DISPUTED.length(),
                "event", "asserted", true, 4, null, null, List.of(new dev.credence.annotation.HopInput(null,
                        "Harbor Courier", "independent_media", null, null, null, null, "asserts", "C"))));
        fx.submit(fx.sam);

        // rita, in the browser: the same span graded 2
        try (BrowserContext rita = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            Page page = login(rita, "rita");
            page.navigate(base + "documents/" + fx.doc.id);
            selectText(page, AdjudicationFixtures.DISPUTED);
            page.keyboard().press("c");
            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
            assertThat(form).isVisible();
            form.getByLabel("Kind").selectOption("event");
            form.getByLabel("Stance").selectOption("asserted");
            // check-worthy is an explicit choice (a select, "not judged" by default)
            assertThat(form.getByLabel("Check-worthy")).hasValue("");
            form.getByLabel("Check-worthy").selectOption("true");
            form.locator("input[name=credibility]").first().focus(); // keys work outside text fields and selects
            page.keyboard().press("2");
            Locator originator = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator"));
            originator.getByLabel("Source").fill("Harbor Courier");
            originator.getByLabel("Type (if new)").selectOption("independent_media");
            originator.getByLabel("Reliability").selectOption("C");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add claim")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Claim added.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit layer")).click();
            assertThat(page.locator(".layer-state strong")).hasText("submitted");
        }

        try (BrowserContext ada = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
            Page page = login(ada, "ada");
            page.navigate(base + "projects/" + fx.project.id);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Adjudicate Lanternfish report")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start adjudication")).click();
            assertThat(page.locator(".flash")).containsText("0 agreed item(s) merged into gold, 1 disagreement(s)");
            Locator item = page.locator("#item-list .item");
            assertThat(item).hasCount(1);
            Locator rows = item.locator("tr.version");
            assertThat(rows).hasCount(2);
            assertThat(rows.nth(0)).containsText("rita Display");
            assertThat(rows.nth(0).locator("td.differs")).containsText("differs");
            screenshot(page, "10-adjudicate-side-by-side");

            page.keyboard().press("j");
            assertThat(item).isFocused();
            page.keyboard().press("2"); // accept reviewer 2 (sam)
            assertThat(page.locator("#status")).hasText("Version accepted into gold.");
            assertThat(page.locator("#item-list .item .item-status")).hasText("resolved");
            assertThat(page.locator("#item-list .gold-claim")).containsText(AdjudicationFixtures.DISPUTED);
            screenshot(page, "11-adjudicate-accepted");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish adjudication")).click();
            assertThat(page.locator(".layer-state strong")).hasText("finished");

            String export = (String) page.evaluate("(url) => fetch(url).then(r => r.text())",
                    "/projects/" + fx.project.id + "/export?format=jsonl&layer=gold");
            JsonNode doc = new ObjectMapper().readTree(export.strip().split("\n")[0]);
            JsonNode layers = doc.get("layers");
            assertEquals(1, layers.size());
            assertEquals("gold", layers.get(0).get("kind").asText());
            assertEquals("submitted", layers.get(0).get("state").asText());
            JsonNode claim = layers.get(0).get("claims").get(0);
            assertEquals(AdjudicationFixtures.DISPUTED, claim.get("exact").asText());
            assertEquals(4, claim.get("credibility").asInt());
            assertTrue(claim.get("chain").asText().contains("Harbor Courier"));
        }
    }
}
