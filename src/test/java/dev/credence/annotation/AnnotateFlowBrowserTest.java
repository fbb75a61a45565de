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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.credence.support.BrowserSupport;

/** The document page in a real browser: select, press c, attribute, save; help and keyboard navigation. */
@QuarkusTest
class AnnotateFlowBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    DocumentPageFixtures fixtures;
    @Inject
    AnnotationService annotations;

    User reviewer;
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
        reviewer = data.user("rita");
        Project p = data.project("Harbours", reviewer);
        doc = fixtures.document(p, reviewer, "Port probes reported in three countries", DocumentPageFixtures.TEXT);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        page.onDialog(d -> d.accept()); // hx-confirm asks before deleting and submitting
        page.navigate(base + "login");
        page.getByLabel("Username").fill("rita");
        page.getByLabel("Password").fill(TestData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(Paths.get("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/" + name + ".png")));
    }

    private void selectText(String needle) {
        BrowserSupport.selectText(page, needle);
    }

    @Test
    void markClaimWithTwoHopAttribution() {
        page.navigate(base + "documents/" + doc.id);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Port probes reported in three countries"))).isVisible();
        screenshot("01-document-empty");

        // widen the selection by whitespace on each side: credence.js trims it
        selectText("\n" + DocumentPageFixtures.SENTENCE + " ");
        page.keyboard().press("c");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        assertThat(form).isVisible();
        assertThat(form.getByLabel("Claim text")).hasText(DocumentPageFixtures.SENTENCE);

        form.getByLabel("Kind").selectOption("event");
        form.getByLabel("Stance").selectOption("asserted");
        // check-worthy is an explicit choice (a select, "not judged" by default)
        assertThat(form.getByLabel("Check-worthy")).hasValue("");
        form.getByLabel("Check-worthy").selectOption("true");
        form.locator("input[name=credibility]").first().focus(); // keys work outside text fields and selects
        page.keyboard().press("2"); // credibility by key, outside text fields
        assertThat(form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("2 probably true"))).isChecked();

        Locator originator = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator"));
        originator.getByLabel("Source").fill("Kestrel Labs");
        originator.getByLabel("Type (if new)").selectOption("firm_report");
        originator.getByLabel("Relation").selectOption("asserts");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add hop")).click();

        Locator hop2 = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Hop 2 (passed on by)"));
        assertThat(hop2).isVisible();
        assertThat(hop2.getByLabel("Source")).isFocused();
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Originator"))
                .getByLabel("Source")).hasValue("Kestrel Labs");
        hop2.getByLabel("Source").fill("Daily Meridian");
        hop2.getByLabel("Type (if new)").selectOption("independent_media");
        hop2.getByLabel("Relation").selectOption("reports");
        hop2.getByLabel("Reliability").selectOption("B");
        screenshot("02-claim-form");

        // a rejected value comes back as the same form with the message, nothing typed is lost
        page.getByLabel("Evidence URL").fill("ftp://example.org/report");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add claim")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("evidence");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Hop 2 (passed on by)"))
                .getByLabel("Source")).hasValue("Daily Meridian");
        screenshot("02b-claim-form-error");
        page.getByLabel("Evidence URL").fill("https://example.org/report");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add claim")).click();

        Locator item = page.locator("#claim-list .claim-item");
        assertThat(item).hasCount(1);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Claim added.");
        assertEquals("Daily Meridian ← Kestrel Labs", String.join(" ← ", item.locator(".chain .src").allInnerTexts()));
        assertThat(item.locator(".chain .grade.rel-b")).hasText("B usually reliable");
        assertThat(item.locator(".grade.cred-2")).isVisible();
        assertThat(page.locator("#doc-text .seg.c1")).hasText(DocumentPageFixtures.SENTENCE);

        Claim stored = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findAll().firstResult());
        assertEquals(DocumentPageFixtures.SENTENCE, stored.exact);
        assertEquals(DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE), stored.start);
        assertTrue(DocumentPageFixtures.TEXT.indexOf(DocumentPageFixtures.SENTENCE) > stored.start,
                "emoji before the sentence make UTF-16 and code point offsets differ");
        screenshot("03-claim-added");

        // a source mention and a cue, by keys, inside the claim
        selectText("Kestrel Labs");
        page.keyboard().press("s");
        Locator mentionForm = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New source mention"));
        assertThat(mentionForm.getByLabel("Source", new Locator.GetByLabelOptions().setExact(true))).hasValue("Kestrel Labs");
        mentionForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add mention")).click();
        assertThat(page.locator("#doc-text .seg.m")).hasText("Kestrel Labs");
        selectText("told");
        page.keyboard().press("u");
        page.getByLabel("Cue class").selectOption("speech");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add cue")).click();
        assertThat(page.locator("#doc-text .seg.u")).hasText("told");
        page.mouse().click(5, 5);
        screenshot("04-nested-highlights");
    }

    @Test
    void helpDialogAndKeyboardOnlyPanel() {
        int[] starts = new int[3];
        String[] sentences = {DocumentPageFixtures.SENTENCE, "The firm said it had tracked the activity for months.",
                "Military analysts believe the probes were a rehearsal for a wider campaign."};
        for (int i = 0; i < sentences.length; i++) {
            int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, sentences[i]);
            starts[i] = s;
            int grade = i + 2;
            List<HopInput> hops = List.of(
                    new HopInput(null, i == 2 ? "Military analysts" : "Kestrel Labs", i == 2 ? "unnamed_experts" : "firm_report",
                            null, null, null, null, "asserts", i == 2 ? "F" : "C"),
                    new HopInput(null, "Daily Meridian", "independent_media", null, null, null, null, "reports", "B"));
            annotations.createClaim(doc, reviewer, new ClaimInput(s, s + sentences[i].length(), "event", i == 2 ? "hedged" : "asserted",
                    true, grade, null, null, hops));
        }
        // a nested claim inside the first one
        int inner = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "the group had probed port systems");
        annotations.createClaim(doc, reviewer, new ClaimInput(inner, inner + 33, "event", "asserted", false, 3, null, null,
                List.of(new HopInput(null, "Kestrel Labs", null, null, null, null, null, "asserts", "C"))));

        int firm = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "Kestrel Labs");
        annotations.createMention(doc, reviewer, new SpanInput(firm, firm + 12), null, "Kestrel Labs", null);
        int believe = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "believe");
        annotations.createCue(doc, reviewer, new SpanInput(believe, believe + 7), "belief");
        int reportedly = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, "reportedly");
        annotations.createCue(doc, reviewer, new SpanInput(reportedly, reportedly + 10), "hedge");

        page.navigate(base + "documents/" + doc.id);
        page.keyboard().press("?");
        Locator help = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(help).isVisible();
        screenshot("05-help");
        page.keyboard().press("Escape");
        assertThat(help).isHidden();

        Locator items = page.locator("#claim-list .claim-item");
        assertThat(items).hasCount(4);
        page.keyboard().press("j");
        assertThat(items.nth(0).locator(".claim-show")).isFocused();
        page.keyboard().press("j");
        assertThat(items.nth(1).locator(".claim-show")).isFocused();
        assertThat(items.nth(1)).hasAttribute("aria-current", "true");
        page.keyboard().press("k");
        assertThat(items.nth(0).locator(".claim-show")).isFocused();
        page.keyboard().press("Enter");
        String firstId = items.nth(0).getAttribute("data-claim");
        assertThat(page.locator("#doc-text .seg.sel").first()).hasAttribute("data-c", java.util.regex.Pattern.compile("\\b" + firstId + "\\b"));
        screenshot("06-keyboard-selected");

        page.keyboard().press("e");
        Locator edit = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"));
        assertThat(edit).isVisible();
        assertThat(edit.getByLabel("Kind")).isFocused();
        page.keyboard().press("Escape");
        assertThat(edit).isHidden();

        // clicking a nested highlight selects the innermost claim in the panel
        page.locator("#doc-text .seg.c2").first().click();
        assertThat(page.locator("#claim-list .claim-item.selected .claim-show")).hasText("the group had probed port systems");

        page.mouse().move(0, 0);
        screenshot("07-document-with-claims");
        // The README screenshot is refreshed on request only, so a test run leaves the work tree clean:
        // ./mvnw test -Dtest=AnnotateFlowBrowserTest -Dcredence.refresh-docs-screenshot=true
        if (Boolean.getBoolean("credence.refresh-docs-screenshot")) {
            try {
                Path shot = Paths.get("target/screenshots/07-document-with-claims.png");
                Files.copy(shot, Paths.get("docs/screenshot-document.png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        page.keyboard().press("x");
        assertThat(items).hasCount(3);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Claim deleted.");
        assertThat(page.locator("#doc-text .seg.c2")).hasCount(0);
    }

    @Test
    void withoutJavaScriptThePageIsAReadOnlyView() {
        int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
        annotations.createClaim(doc, reviewer, new ClaimInput(s, s + DocumentPageFixtures.SENTENCE.length(), "event",
                "asserted", true, 2, null, null, List.of(new HopInput(null, "Kestrel Labs", "firm_report", null, null,
                        null, null, "asserts", "C"))));
        BrowserContext noJs = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                .setViewportSize(1400, 900).setStorageState(context.storageState()));
        Page p = noJs.newPage();
        p.navigate(base + "documents/" + doc.id);
        assertThat(p.locator("#doc-text .seg.c1")).hasText(DocumentPageFixtures.SENTENCE);
        assertThat(p.locator("#claim-list .claim-item")).hasCount(1);
        assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim c"))).isHidden();
        p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit claim").setExact(false)).click();
        assertThat(p.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"))).isVisible();
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/08-no-javascript-edit.png")));
        noJs.close();
    }
}
