package dev.credence.exchange.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Cue;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upload a real-size Label Studio file → preview with the detected labels → adjust one → confirm → stored. */
@QuarkusTest
class AnnotationImportBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

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
        User manager = data.user("nadia");
        data.user("rita");
        project = data.project("Harbor watch", manager);
        data.member(project, "rita", "reviewer");
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

    /** 40 tasks, each a short article with emoji, CJK and an accent, labelled "Assertion" (unknown) and "Cue". */
    static String tasks() {
        ArrayNode tasks = ImportSamples.JSON.createArrayNode();
        for (int i = 0; i < 40; i++) {
            String claim = "crew " + i + " 🐉 reached pier " + (i * 7);
            String text = "Dispatch " + i + ": harbour officials said the " + claim + " before dawn.\n"
                    + "A spokesperson for Café Nordlys called it 谣言 number " + i + ", according to local radio.";
            ObjectNode t = tasks.addObject();
            t.put("id", 1000 + i);
            t.putObject("data").put("text", text).put("title", "Dispatch " + i);
            ArrayNode result = t.putArray("annotations").addObject().putArray("result");
            ImportSamples.region(result, "a" + i, text, claim, "Assertion");
            ImportSamples.region(result, "b" + i, text, "according to", "Cue");
        }
        return tasks.toPrettyString();
    }

    @Test
    void uploadPreviewAdjustMappingConfirm() {
        byte[] file = tasks().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 8_000, "a real-size file: " + file.length);
        page.navigate(base + "projects/" + project.id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import annotations")).click();
        page.getByLabel("Format").selectOption("labelstudio");
        page.getByLabel("Into whose layer").selectOption("rita");
        page.getByLabel("File").setInputFiles(new FilePayload("desk-tasks.json", "application/json", file));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        page.waitForURL(u -> u.endsWith("/import/preview"));
        assertEquals("40", page.locator("#count-documents").textContent().strip());
        assertEquals("80", page.locator("#count-regions").textContent().strip());
        assertTrue(page.getByRole(AriaRole.ALERT).textContent().contains("'Assertion'"));
        var assertion = page.getByLabel("Target for span label Assertion");
        assertEquals("", assertion.inputValue(), "unknown label: no proposal");
        assertEquals("cue", page.getByLabel("Target for span label Cue").inputValue(), "guessed");
        BrowserSupport.screenshot(page, "import-preview");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Document.count("project.id", project.id)),
                "nothing stored before confirming");

        assertion.selectOption("claim:event");
        page.getByLabel("Target for span label Cue").selectOption("cue:reporting");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();

        page.waitForURL(u -> u.endsWith("/projects/" + project.id));
        String flash = page.locator("body").textContent();
        assertTrue(flash.contains("Imported 40 documents with 40 claims"), flash);
        BrowserSupport.screenshot(page, "import-done");
        long claims = QuarkusTransaction.requiringNew().call(() -> Claim.count(
                "layer.document.project.id = ?1 and kind = ?2 and layer.owner.username = ?3", project.id,
                "event", "rita"));
        assertEquals(40, claims);
        long cues = QuarkusTransaction.requiringNew().call(() -> Cue.count(
                "layer.document.project.id = ?1 and cueClass = ?2 and exact = ?3", project.id,
                "reporting", "according to"));
        assertEquals(40, cues);
    }

    @Test
    void aBrokenFileIsReportedOnTheFormAndNothingIsStored() {
        page.navigate(base + "projects/" + project.id + "/import");
        page.getByLabel("Format").selectOption("labelstudio");
        page.getByLabel("Into whose layer").selectOption("rita");
        page.getByLabel("File").setInputFiles(new FilePayload("broken.json", "application/json",
                "[{\"data\":{\"text\":\"x\"}},{\"data\":".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        String alert = page.getByRole(AriaRole.ALERT).textContent();
        assertTrue(alert.contains("broken.json task 1"), alert);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Document.count("project.id", project.id)));
    }
}
