package dev.credence.revision;

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
import dev.credence.annotation.Offsets;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manager corrects a real-size article in the browser: edits the text, reads the preview (insertions,
 * deletions, each claim's fate), saves, and reads the old revision; the reviewer then re-places the orphan.
 */
@QuarkusTest
class RevisionBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

    long docId;
    long orphanId;
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
        Project project = data.project("Sea lanes", data.user("mara"));
        data.user("rex");
        data.member(project, "rex", "reviewer");
        String manager = TestData.token("mara");
        String reviewer = TestData.token("rex");
        docId = ((Number) TestData.api(manager).body(Map.of("title", "Survey ships off Velmora", "text",
                RevisionFixtures.ARTICLE)).when().post("/api/v1/projects/" + project.id + "/documents")
                .then().statusCode(201).extract().path("id")).longValue();
        claim(reviewer, RevisionFixtures.CLAIM_KEPT);
        claim(reviewer, RevisionFixtures.CLAIM_FUZZY);
        orphanId = claim(reviewer, RevisionFixtures.CLAIM_ORPHAN);
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    long claim(String token, String exact) {
        String text = RevisionFixtures.ARTICLE;
        int start = Offsets.toCodePoint(text, text.indexOf(exact));
        Map<String, Object> body = new HashMap<>(Map.of("start", start, "end", start + Offsets.length(exact),
                "kind", "event"));
        return ((Number) TestData.api(token).body(body).when().post("/api/v1/documents/" + docId + "/claims")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void aManagerPreviewsSavesAndReadsTheOldRevisionThenTheReviewerRePlacesTheOrphan() {
        assertTrue(RevisionFixtures.ARTICLE.getBytes(StandardCharsets.UTF_8).length > 5000, "a real-size article");
        BrowserSupport.login(page, base.toString(), "mara", TestData.PASSWORD);
        page.navigate(base + "documents/" + docId);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit text")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Edit text");
        Locator text = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));
        assertEquals(RevisionFixtures.ARTICLE.strip(), text.inputValue().strip());
        text.fill(RevisionFixtures.CORRECTED);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview changes")).click();

        Locator diff = page.locator("pre.diff");
        assertThat(diff.locator("ins").first()).isVisible();
        assertTrue(diff.locator("del").allTextContents().stream().anyMatch(s -> s.contains("STORY CONTINUES")),
                "the cut boilerplate shows as deleted");
        assertTrue(diff.locator("del").allTextContents().stream().anyMatch(s -> s.contains("nine")));
        assertTrue(diff.locator("ins").allTextContents().stream().anyMatch(s -> s.contains("eight")));
        assertTrue(diff.locator("ins").allTextContents().stream().anyMatch(s -> s.contains("Updated on Friday")));
        Locator fates = page.locator("table.claims-fate tbody tr");
        assertThat(fates).hasCount(3);
        assertThat(page.locator("tr.fate-kept")).hasCount(1);
        assertThat(page.locator("tr.fate-moved")).containsText("eight days");
        assertThat(page.locator("tr.fate-orphaned")).containsText("download the app");
        BrowserSupport.screenshot(page, "revision-preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save revision 2")).click();
        page.waitForURL(u -> u.endsWith("/documents/" + docId));
        assertThat(page.locator(".flash")).containsText("Revision 2 saved");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revision 2")).click();
        assertThat(page.locator("table.revisions tbody tr")).hasCount(2);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View revision 1")).click();
        assertThat(page.locator("pre.revision-text")).containsText(RevisionFixtures.BOILERPLATE);
        assertThat(page.locator("pre.revision-text")).containsText("nine days");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("now at revision 2");

        // The reviewer sees the orphan flagged and places it on the text where it belongs now.
        BrowserContext reviewerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        try {
            Page rp = reviewerContext.newPage();
            BrowserSupport.login(rp, base.toString(), "rex", TestData.PASSWORD);
            rp.navigate(base + "documents/" + docId);
            Locator orphan = rp.locator("#claim-" + orphanId);
            assertThat(orphan).hasClass(java.util.regex.Pattern.compile(".*orphaned.*"));
            assertThat(orphan).containsText("Orphaned");
            assertThat(rp.locator("#doc-text")).not().containsText(RevisionFixtures.BOILERPLATE);
            BrowserSupport.selectText(rp, "Related: Cable repair ships in short supply");
            orphan.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Re-place claim " + orphanId
                    + " at the selected text")).click();
            assertThat(rp.locator("#editor blockquote.exact")).hasText("Related: Cable repair ships in short supply");
            rp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save claim")).click();
            assertThat(rp.locator("#status")).containsText("Claim saved",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(rp.locator("#claim-" + orphanId)).not().hasClass(java.util.regex.Pattern.compile(".*orphaned.*"));
            assertThat(rp.locator("#claim-" + orphanId)).containsText("Related: Cable repair ships");
            BrowserSupport.screenshot(rp, "revision-replaced");
        } finally {
            reviewerContext.close();
        }
    }
}
