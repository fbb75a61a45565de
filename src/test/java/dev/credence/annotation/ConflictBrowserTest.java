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
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.credence.support.BrowserSupport;

/**
 * No lost updates: two browser contexts (the same reviewer in two tabs, the realistic case since
 * layers are per reviewer) edit one claim. A saves first; B's save is refused with A's change shown
 * beside B's values, and B reapplies theirs on top of the new version.
 */
@QuarkusTest
class ConflictBrowserTest {
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
    HistoryService history;

    Document doc;
    Claim claim;
    BrowserContext tabA;
    BrowserContext tabB;

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
        Project p = data.project("Harbours", rita);
        doc = fixtures.document(p, rita, "Port probes reported in three countries", DocumentPageFixtures.TEXT);
        int s = DocumentPageFixtures.cp(DocumentPageFixtures.TEXT, DocumentPageFixtures.SENTENCE);
        claim = annotations.createClaim(doc, rita, new ClaimInput(s, s + DocumentPageFixtures.SENTENCE.length(), "event",
                "asserted", true, 3, null, null, List.of(new HopInput(null, "Kestrel Labs", "firm_report", null, null,
                        null, null, "asserts", "C"))));
        tabA = loggedIn("rita");
        tabB = loggedIn("rita");
    }

    @AfterEach
    void close() {
        for (BrowserContext c : new BrowserContext[] {tabA, tabB}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private BrowserContext loggedIn(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        page.navigate(base + "login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(TestData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        return context;
    }

    private Locator openEditForm(Page page) {
        page.navigate(base + "documents/" + doc.id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit claim " + claim.id)).click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"));
        assertThat(form).isVisible();
        return form;
    }

    private static Claim stored(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim c = Claim.findById(id);
            c.hops.size();
            return c;
        });
    }

    @Test
    void theSecondSaveSeesTheFirstAndCanReapplyItsOwn() {
        Page a = tabA.pages().get(0);
        Page b = tabB.pages().get(0);
        Locator formA = openEditForm(a);
        Locator formB = openEditForm(b);

        // A: credibility 3 → 5, saves
        formA.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("5 improbable")).check();
        formA.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save claim")).click();
        assertThat(a.getByRole(AriaRole.STATUS)).hasText("Claim saved.");
        assertEquals(5, stored(claim.id).credibility);

        // B, on the old version: stance hedged, reliability B, a rationale; saves
        formB.getByLabel("Stance").selectOption("hedged");
        formB.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Originator")).getByLabel("Reliability")
                .selectOption("B");
        formB.getByLabel("Rationale").fill("The ministry did not deny it.");
        formB.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save claim")).click();

        Locator conflict = b.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Not saved: this claim changed meanwhile"));
        assertThat(conflict).isVisible();
        assertThat(conflict.getByRole(AriaRole.ALERT)).containsText("Someone else changed this claim");
        Locator credibility = conflict.locator("tr", new Locator.LocatorOptions().setHasText("Credibility"));
        assertThat(credibility.locator("td.theirs")).hasText("5");
        assertThat(credibility.locator("td.yours")).hasText("3");
        assertThat(credibility).hasClass(java.util.regex.Pattern.compile("differs"));
        Locator stance = conflict.locator("tr", new Locator.LocatorOptions().setHasText("Stance"));
        assertThat(stance.locator("td.theirs")).hasText("asserted");
        assertThat(stance.locator("td.yours")).hasText("hedged");
        assertThat(conflict.locator("tr", new Locator.LocatorOptions().setHasText("Attribution")).locator("td.yours"))
                .containsText("Kestrel Labs · asserts · B");
        // nothing of B's was written
        Claim afterA = stored(claim.id);
        assertEquals(5, afterA.credibility);
        assertEquals(null, afterA.rationale);
        b.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/09-edit-conflict.png")));

        conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reapply my changes")).click();
        assertThat(b.getByRole(AriaRole.STATUS)).hasText("Claim saved.");
        assertThat(conflict).isHidden();

        Claim reapplied = stored(claim.id);
        assertEquals("hedged", reapplied.stance);
        assertEquals("The ministry did not deny it.", reapplied.rationale);
        assertEquals(3, reapplied.credibility, "B's values, all of them, replace A's");
        assertEquals("B", reapplied.hops.get(0).reliability);
        assertEquals(afterA.version + 1, reapplied.version);
        assertEquals(3, history.ofEntity(HistoryService.CLAIM, claim.id).size(), "create, A's save, B's reapplied save");

        // A's tab, reopening the editor, starts from B's reapplied values
        a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit claim " + claim.id)).click();
        Locator formA2 = a.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit claim"));
        assertThat(formA2.getByLabel("Stance")).hasValue("hedged");
    }
}
