package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Layer;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import dev.credence.support.BrowserSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager exports a project above the job threshold from its page: the job starts, its progress bar
 * moves while it runs (paced to two documents per page), the download link appears and the browser
 * downloads a file that parses; a job that fails shows its reason.
 */
@QuarkusTest
class ExportJobBrowserTest {
    static final int DOCUMENTS = 12;

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;
    @Inject
    ExportJobRunner runner;

    BrowserContext context;
    Page page;
    Project project;

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
        User mia = data.user("mia");
        project = data.project("Harbor desk", mia);
        Source firm = fixtures.source("Lanternfish", SourceType.firm_report);
        for (int i = 0; i < DOCUMENTS; i++) {
            Document d = fixtures.document(project, "Harbor note " + (char) ('a' + i),
                    "Lanternfish said the 🐉 tankers left 港口 at dawn, cafe\u0301 owners reported. Note " + i + ".\n");
            Layer layer = fixtures.layer(d, mia);
            fixtures.claim(layer, "the 🐉 tankers left 港口 at dawn",
                    new ExportFixtures.HopSpec(firm, "Lanternfish", "said", Relation.asserts, "B"));
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setAcceptDownloads(true));
        page = context.newPage();
        BrowserSupport.login(page, base.toString(), "mia", TestData.PASSWORD);
    }

    @AfterEach
    void close() {
        runner.pace(0, Duration.ZERO);
        runner.limitFileBytes(Long.MAX_VALUE);
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aLargeExportRunsAsAJobWithProgressAndADownload() throws Exception {
        runner.pace(2, Duration.ofMillis(600));
        page.navigate(base + "projects/" + project.id);
        page.getByLabel("Format").selectOption("jsonl");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start export")).click();
        page.waitForURL(u -> u.contains("#export-job-"));

        Locator job = page.locator("[data-export-job]").first();
        Locator bar = job.getByRole(AriaRole.PROGRESSBAR);
        assertTrue(bar.isVisible());
        // The bar moves while the job runs: a value strictly between none and all of the documents.
        page.waitForFunction("() => { const b = document.querySelector('[data-export-job] progress');"
                + " return b && b.hasAttribute('value') && b.value > 0 && b.value < b.max; }", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertTrue(job.locator("[aria-live=polite]").textContent().startsWith("running:"),
                job.locator("[aria-live=polite]").textContent());

        Locator link = job.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Download ")));
        link.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(60_000));
        assertEquals("done: " + DOCUMENTS + " documents", job.locator("[aria-live=polite]").textContent()
                .replaceAll(", [0-9.]+ MB$", ""));
        assertEquals(bar.getAttribute("max"), String.valueOf(bar.evaluate("b => b.value")).replace(".0", ""));

        Download download = page.waitForDownload(link::click);
        assertTrue(download.suggestedFilename().matches("harbor-desk-\\d{4}-\\d{2}-\\d{2}\\.jsonl"),
                download.suggestedFilename());
        List<String> lines = Files.readAllLines(download.path());
        assertEquals(DOCUMENTS, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode doc = mapper.readTree(line);
            JsonNode claim = doc.at("/layers/0/claims/0");
            assertEquals(claim.get("exact").asText(), ExportFixtures.codePoints(doc.get("text").asText(),
                    claim.get("start").asInt(), claim.get("end").asInt()));
        }
    }

    @Test
    void aFailedJobShowsItsReason() {
        runner.limitFileBytes(50);
        page.navigate(base + "projects/" + project.id);
        page.getByLabel("Format").selectOption("csv");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start export")).click();
        page.waitForURL(u -> u.contains("#export-job-"));
        Locator alert = page.locator("[data-export-job]").first().getByRole(AriaRole.ALERT);
        alert.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertTrue(alert.textContent().contains("credence.export.max-file-bytes"), alert.textContent());
    }
}
