package dev.credence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.account.User;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
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
 * The whole core flow as a person does it: log in, import an article by pasting it, select a
 * sentence and mark a claim, attribute it through two hops ("outlet ← firm"), grade it, see it in
 * the side panel, export the project and find the claim in the JSONL.
 */
@QuarkusTest
class CoreFlowBrowserTest {
    /** Fictional article: emoji, a flag and CJK come before the claim, and it has several paragraphs. */
    static final String SENTENCE = "Analysts at the Vireo Group told the Northgate Ledger that the intrusion began in January.";
    static final String ARTICLE = "Cyber brief 🛰️ 🇹🇼 東海 update\n\n"
            + SENTENCE + " The firm said the attackers reused tools seen in earlier campaigns.\n\n"
            + "READ MORE: Ports on alert\n\n"
            + "Officials declined to comment.";

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

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
        dev.credence.support.BrowserSupport.close(browser, playwright);
    }

    @BeforeEach
    void setUp() {
        data.reset();
        User mia = data.user("mia");
        project = data.project("Cyber desk", mia);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void importMarkAttributeGradeAndExport() throws Exception {
        BrowserSupport.login(page, base.toString(), "mia", TestData.PASSWORD);

        // import by paste (a textarea submits CRLF line ends: the stored text must have LF)
        page.navigate(base + "projects/" + project.id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import documents")).click();
        page.getByLabel("Title").fill("Intrusion traced to January");
        page.getByLabel("Publisher").fill("Northgate Ledger");
        page.getByLabel("Text").fill(ARTICLE);
        BrowserSupport.screenshot(page, "core-01-import");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import article")).click();
        assertThat(page.locator(".flash")).containsText("Imported 1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Intrusion traced to January").setExact(true)).click();

        // select the sentence, press c, fill the claim
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Intrusion traced to January")))
                .isVisible();
        BrowserSupport.selectText(page, SENTENCE);
        page.keyboard().press("c");
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("New claim"));
        assertThat(form).isVisible();
        form.getByLabel("Kind").selectOption("event");
        form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("3 possibly true")).check();

        Locator originator = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator"));
        originator.getByLabel("Source").fill("Vireo Group");
        originator.getByLabel("Type (if new)").selectOption("firm_report");
        originator.getByLabel("Relation").selectOption("asserts");
        originator.getByLabel("Reliability").selectOption("C");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add hop")).click();
        Locator outlet = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Hop 2 (passed on by)"));
        outlet.getByLabel("Source").fill("Northgate Ledger");
        outlet.getByLabel("Type (if new)").selectOption("independent_media");
        outlet.getByLabel("Relation").selectOption("reports");
        outlet.getByLabel("Reliability").selectOption("B");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add claim")).click();

        // the side panel shows the chain and the grades
        Locator item = page.locator("#claim-list .claim-item");
        assertThat(item).hasCount(1);
        assertEquals("Northgate Ledger ← Vireo Group", String.join(" ← ", item.locator(".chain .src").allInnerTexts()));
        assertThat(item.locator(".grade.cred-3")).isVisible();
        assertThat(item.locator(".chain .grade.rel-b")).isVisible();
        BrowserSupport.screenshot(page, "core-02-claim");

        // export as JSONL from the project page's link, with the browser's session
        APIResponse export = page.request().get(base + "projects/" + project.id + "/export?format=jsonl");
        assertEquals(200, export.status());
        String[] lines = export.text().split("\n");
        assertEquals(1, lines.length);
        JsonNode doc = new ObjectMapper().readTree(lines[0]);
        String text = doc.get("text").asText();
        assertTrue(!text.contains("\r"), "stored text has LF line ends only");
        JsonNode claim = null;
        for (JsonNode layer : doc.get("layers")) {
            for (JsonNode c : layer.get("claims")) {
                claim = c;
            }
        }
        assertNotNull(claim, "the claim is in the export");
        assertEquals(SENTENCE, claim.get("exact").asText());
        int expectedStart = text.codePointCount(0, text.indexOf(SENTENCE));
        assertEquals(expectedStart, claim.get("start").asInt());
        assertEquals(expectedStart + SENTENCE.codePointCount(0, SENTENCE.length()), claim.get("end").asInt());
        assertEquals("Northgate Ledger ← Vireo Group", claim.get("chain").asText());
        assertEquals(3, claim.get("credibility").asInt());
        JsonNode hops = claim.get("attribution");
        assertEquals("Vireo Group", hops.get(0).get("source").get("name").asText());
        assertEquals("firm_report", hops.get(0).get("source").get("type").asText());
        assertEquals("C", hops.get(0).get("reliability").asText());
        assertEquals("reports", hops.get(1).get("relation").asText());
        assertEquals("B", hops.get(1).get("reliability").asText());
    }
}
