package dev.credence.web;

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
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.Claim;
import dev.credence.document.Document;
import dev.credence.document.TextNormalizer;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real-size input in a real browser: a 15 kB article pasted and saved; an over-long field refused beside it. */
@QuarkusTest
class InputLimitsBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    User manager;
    Project project;
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
        manager = data.user("nadia");
        project = data.project("Harbor watch", manager);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        BrowserSupport.login(page, base.toString(), "nadia", TestData.PASSWORD);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** A scraped-looking article of about 15 kB: reported speech, curly quotes, emoji, CJK, page furniture. */
    static String article() {
        StringBuilder b = new StringBuilder("Coastal radar outage ⚓ blamed on “routine maintenance”\n\n");
        for (int i = 1; b.length() < 15_000; i++) {
            b.append("Paragraph ").append(i).append(": Engineers at the fictional firm Saltmarsh Systems told the ")
                    .append("Tidewater Ledger that the outage on pier ").append(i)
                    .append(" “was not an accident,” citing logs they had reviewed 🛰️. The port authority’s ")
                    .append("spokesperson said it was “far too early” to draw conclusions (港口).\n\n");
            if (i % 7 == 0) {
                b.append("STORY CONTINUES BELOW THIS AD\n\n");
            }
        }
        return b.toString();
    }

    @Test
    void aRealSizeArticlePastedIntoTheFormIsSaved() {
        String text = article();
        page.navigate(base + "projects/" + project.id + "/documents/new");
        page.getByLabel("Title").fill("Coastal radar outage blamed on “routine maintenance”");
        page.getByLabel("Text").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import article")).click();
        page.waitForURL(u -> u.endsWith("/projects/" + project.id));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1");

        List<Document> docs = QuarkusTransaction.requiringNew().call(() -> Document.<Document>listAll());
        assertEquals(1, docs.size());
        assertEquals(TextNormalizer.normalize(text), docs.get(0).text, "emoji, quotes and CJK arrive intact");
        assertEquals("Coastal radar outage blamed on “routine maintenance”", docs.get(0).title);
    }

    @Test
    void anOverLongRationaleIsRefusedNextToTheField() {
        Document doc = fixtures.document(project, "Lanternfish report", AnnotationFixtures.ARTICLE);
        page.navigate(base + "documents/" + doc.id);
        BrowserSupport.selectText(page, "had targeted 14 shipping companies since March");
        page.keyboard().press("c");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        assertThat(form).isVisible();
        Locator originator = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator"));
        originator.getByLabel("Source").fill("Lanternfish");
        originator.getByLabel("Type (if new)").selectOption("firm_report");
        String rationale = "The firm’s report is detailed 📑 but unverified. ".repeat(100);
        form.getByLabel("Rationale").fill(rationale);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add claim")).click();

        Locator again = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        Locator field = again.getByLabel("Rationale");
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertThat(field).hasAttribute("aria-describedby", "claim-error");
        assertThat(again.getByRole(AriaRole.ALERT)).containsText("rationale: at most 4000 characters");
        assertEquals(rationale.length(), field.inputValue().length(), "what was typed is kept");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Claim.count()));
    }
}
