package dev.credence.suggest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.DocumentPageFixtures;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceGrades;
import dev.credence.source.SourceService;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suggestions on the document page of a real-size article, accepted and rejected with the keyboard. */
@QuarkusTest
class SuggestionBrowserTest {
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
    @Inject
    SourceService sources;
    @Inject
    SourceGrades grades;

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
        User sam = data.user("sam");
        Project p = data.project("Port watch", rita);
        data.member(p, "sam", "reviewer");
        // four of the fixture articles one after the other: ~5.5 kB with menus, ads, emoji and curly quotes
        StringBuilder text = new StringBuilder();
        for (String f : List.of("01-hackers", "02-drills", "03-leak", "05-profile")) {
            text.append(MarkedArticle.read("/suggest/eval/" + f + ".txt").text()).append('\n');
        }
        assertTrue(text.length() > 5000, "real-size article: " + text.length());
        doc = fixtures.document(p, rita, "Hackers in the ports", text.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            User admin = User.find("username", "rita").firstResult();
            Source kestrel = sources.create("Kestrel Labs", "firm_report", List.of("Kestrel"), admin);
            grades.addGrade(kestrel, Project.findById(p.id), "B", "earlier reports held up", admin);
        });
        QuarkusTransaction.requiringNew().run(() -> annotations.layerFor(doc, sam));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        page.navigate(base + "login");
        page.getByLabel("Username").fill("sam");
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

    private Locator suggestion(String claimText) {
        return page.locator("#suggestions .suggestion").filter(new Locator.FilterOptions().setHasText(claimText));
    }

    private Locator claimCount() {
        return page.locator("#claims-h .count");
    }

    @Test
    void acceptAndRejectWithTheKeyboard() {
        page.navigate(base + "documents/" + doc.id);
        Locator items = page.locator("#suggestions .suggestion");
        // the first panel of an instance loads the OpenNLP models (~8 MB): allow for a loaded machine
        assertThat(items.first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        int before = items.count();
        assertTrue(before >= 20, "suggestions: " + before);
        // dashed highlights, and none of them counted as claims
        page.waitForFunction("() => CSS.highlights.get('suggestion') && CSS.highlights.get('suggestion').size > 0");
        assertThat(claimCount()).hasText("0");

        // the registry link carries the type and last grade as defaults
        Locator kestrel = suggestion("a group of hackers had spent");
        assertThat(kestrel).containsText("firm report");
        assertThat(kestrel.locator(".last-grade")).containsText("B");
        assertEquals("B", kestrel.locator("select[name=reliability]").inputValue());
        kestrel.focus();
        screenshot("suggest-01-focused");
        page.keyboard().press("Enter");
        assertThat(claimCount()).hasText("1");
        assertThat(page.locator("#claim-list")).containsText("a group of hackers had spent");
        assertThat(page.locator("#claim-list .claim-item").first()).containsText("Kestrel Labs");
        assertThat(page.locator("#claim-list .claim-item").first().locator(".grade.rel-b")).isVisible();
        assertThat(items).hasCount(before - 1);
        // focus moves on to the next suggestion: Backspace rejects it
        page.waitForFunction("() => document.activeElement && document.activeElement.classList.contains('suggestion')");
        String next = (String) page.evaluate("() => document.activeElement.id");
        page.keyboard().press("Backspace");
        assertThat(items).hasCount(before - 2);
        assertThat(page.locator("#" + next)).hasCount(0);
        assertThat(claimCount()).hasText("1");

        // a source the registry lacks: Enter says what is missing, e opens the edit fields
        Locator added = suggestion("the attackers copied cargo manifests");
        added.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("choose its type")))
                .isVisible();
        added = suggestion("the attackers copied cargo manifests");
        added.focus();
        page.keyboard().press("e");
        assertThat(added.locator("select[name=sourceType]")).isFocused();
        added.locator("select[name=sourceType]").selectOption("academic_expert");
        added.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept").setExact(true)).click();
        assertThat(claimCount()).hasText("2");
        assertThat(page.locator("#claim-list")).containsText("Ilse Varga");

        // accept all in this sentence
        suggestion("the group is testing how quickly ports").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Accept all in this sentence")).click();
        assertThat(claimCount()).hasText("3");
        screenshot("suggest-02-after");
    }

    /**
     * The suggestions arrive after the page (a second request): the box above the text keeps its height, so the
     * text column does not move when they arrive. The request is held until the page is measured, then let go.
     */
    @Test
    void theTextDoesNotMoveWhenTheSuggestionsArrive() {
        List<com.microsoft.playwright.Route> held = new java.util.ArrayList<>();
        page.route(u -> u.contains("/documents/" + doc.id + "/suggestions"), held::add);
        page.navigate(base + "documents/" + doc.id);
        page.waitForFunction("() => document.body.dataset.ready === 'true'");
        page.waitForCondition(() -> !held.isEmpty());
        assertThat(page.locator("#suggestions")).containsText("Loading suggestions");
        com.microsoft.playwright.options.BoundingBox text = page.locator("#doc-text").boundingBox();
        com.microsoft.playwright.options.BoundingBox panel = page.locator("#panel").boundingBox();
        com.microsoft.playwright.options.BoundingBox box = page.locator(".suggestions-box").boundingBox();

        held.forEach(com.microsoft.playwright.Route::resume);
        Locator items = page.locator("#suggestions .suggestion");
        assertThat(items.first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertTrue(items.count() >= 20, "a panel taller than its placeholder: " + items.count());
        page.waitForFunction("() => CSS.highlights.get('suggestion') && CSS.highlights.get('suggestion').size > 0");
        com.microsoft.playwright.options.BoundingBox textAfter = page.locator("#doc-text").boundingBox();
        com.microsoft.playwright.options.BoundingBox panelAfter = page.locator("#panel").boundingBox();
        com.microsoft.playwright.options.BoundingBox boxAfter = page.locator(".suggestions-box").boundingBox();
        assertEquals(box.height, boxAfter.height, 0.5, "the suggestions box keeps its height");
        assertEquals(text.y, textAfter.y, 0.5, "the text column stays where it was");
        assertEquals(text.x, textAfter.x, 0.5);
        assertEquals(text.width, textAfter.width, 0.5);
        assertEquals(panel.y, panelAfter.y, 0.5, "the annotations panel stays where it was");
        // the list scrolls inside the box, and stays reachable
        assertTrue((Boolean) page.evaluate("() => { const s = document.getElementById('suggestions');"
                + " return s.scrollHeight > s.clientHeight; }"));
        screenshot("suggest-03-loaded-in-place");
    }
}
