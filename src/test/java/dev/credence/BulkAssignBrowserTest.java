package dev.credence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerKind;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk assignment on the document list ({@code /projects/{id}/worklist}) in a real browser: a manager filters
 * 26 real-size articles to the unassigned ones, selects ten (mouse and keyboard), assigns them to a reviewer,
 * sees them leave the filtered list and find them under the reviewer's filter; an assignment without a selection
 * is refused with a message and writes nothing.
 */
@QuarkusTest
class BulkAssignBrowserTest {
    static Playwright playwright;
    static Browser browser;

    static final String[] OUTLETS = { "Harbor Courier", "Daily Meridian", "Coastline Post", "The Valmora Ledger" };
    static final String[] TOPICS = { "Port cameras", "Ferry timetables", "Grain silo sensors", "Pilot boat radios",
            "Container cranes", "Customs portal", "Lighthouse telemetry", "Tug dispatch", "Dredging contract",
            "Berth bookings", "Fuel barge", "Quay lighting", "Harbour radar" };

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    AnnotationService annotations;

    BrowserContext context;

    @BeforeAll
    static void launch() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void shutdown() {
        BrowserSupport.close(browser, playwright);
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** A fictional article of ≈ 4 kB: a menu, a byline, reported speech with curly quotes, emoji, an ad break. */
    static String article(String topic, String outlet, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("Home | World | Business | Tech 📡 | Subscribe\n\n");
        sb.append(topic).append(": officials weigh a second look 🔍 (report ").append(n).append(")\n\n");
        sb.append("By a staff writer · ").append(outlet).append("\n\n");
        for (int p = 0; p < 8; p++) {
            sb.append("Engineers at the harbour authority said on Tuesday that the ").append(topic.toLowerCase())
                    .append(" system had logged “unusual traffic” on ").append(3 + p)
                    .append(" nights in a row, and that a contractor had been asked to review the logs. ")
                    .append("A spokesperson told ").append(outlet)
                    .append(" that “nothing points to sabotage so far,” but declined to say who had raised the alarm. ")
                    .append("Two people familiar with the review, who asked not to be named, said the contractor’s")
                    .append(" first findings were expected within weeks.\n\n");
            if (p == 2) {
                sb.append("ADVERTISEMENT — Story continues below\n\n");
            }
        }
        sb.append("Sign up for our newsletter ✉️ · Privacy · Terms\n");
        return sb.toString();
    }

    @Test
    void managerAssignsManyDocumentsAtOnce() {
        data.reset();
        User mia = data.user("mia");
        User rob = data.user("rob");
        data.user("sue");
        Project project = data.project("Harbour systems", mia);
        data.member(project, "rob", "reviewer");
        data.member(project, "sue", "reviewer");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            String topic = TOPICS[i % TOPICS.length] + (i >= TOPICS.length ? " follow-up" : "");
            String outlet = OUTLETS[i % OUTLETS.length];
            String text = article(topic, outlet, i);
            assertTrue(text.length() > 3000, "real-size article: " + text.length());
            Document d = fixtures.document(project, topic + " under review", text);
            LocalDate date = LocalDate.of(2026, 1 + i % 11, 1 + i);
            QuarkusTransaction.requiringNew().run(() -> {
                Document stored = Document.findById(d.id);
                stored.publishedAt = date;
                stored.publisher = outlet;
            });
            docs.add(d);
        }
        // rob already reviews the first two
        for (Document d : docs.subList(0, 2)) {
            QuarkusTransaction.requiringNew().run(() -> annotations.layerFor(d, rob));
        }

        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        Page page = context.newPage();
        BrowserSupport.login(page, base.toString(), "mia", TestData.PASSWORD);
        page.navigate(base + "projects/" + project.id + "/worklist");
        assertThat(page.locator("table.worklist tbody tr")).hasCount(26);

        // only the documents nobody has yet, oldest first
        page.getByLabel("Assignee", new Page.GetByLabelOptions().setExact(true)).selectOption("-");
        page.getByLabel("Sort", new Page.GetByLabelOptions().setExact(true)).selectOption("date");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        Locator rows = page.locator("table.worklist tbody tr");
        assertThat(rows).hasCount(24);

        // ten of them: six with the mouse, four with the keyboard (Tab to the box, Space to tick it)
        Set<String> chosen = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            Locator row = rows.nth(2 * i);
            Locator box = row.locator("input[type=checkbox]");
            chosen.add(row.locator("td a").first().textContent().strip());
            if (i < 6) {
                box.check();
            } else {
                box.focus();
                page.keyboard().press("Space");
            }
            assertThat(box).isChecked();
        }
        assertEquals(10, chosen.size());
        assertThat(page.locator("table.worklist input[type=checkbox]:checked")).hasCount(10);
        bulk(page).getByLabel("to", new Locator.GetByLabelOptions().setExact(true)).selectOption("sue");
        BrowserSupport.screenshot(page, "worklist-01-selected");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign selected")).click();

        assertThat(page.locator(".flash")).hasText("10 document(s) assigned to sue.");
        // the filter is kept: the assigned ones have left the "nobody" list
        assertThat(rows).hasCount(14);
        assertEquals(10, reviewerLayers("sue"));

        page.getByLabel("Assignee", new Page.GetByLabelOptions().setExact(true)).selectOption("sue");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(rows).hasCount(10);
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            listed.add(rows.nth(i).locator("td a").first().textContent().strip());
            assertThat(rows.nth(i).locator("td.assignees")).containsText("sue");
        }
        assertEquals(chosen, listed);

        // two of sue's to rob as well
        rows.nth(0).locator("input[type=checkbox]").check();
        rows.nth(1).locator("input[type=checkbox]").check();
        bulk(page).getByLabel("to", new Locator.GetByLabelOptions().setExact(true)).selectOption("rob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign selected")).click();
        assertThat(page.locator(".flash")).hasText("2 document(s) assigned to rob.");
        assertThat(rows.nth(0).locator("td.assignees")).containsText("rob");
        assertEquals(4, reviewerLayers("rob"));

        // nothing selected: refused with the reason, nothing written
        bulk(page).getByLabel("to", new Locator.GetByLabelOptions().setExact(true)).selectOption("rob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign selected")).click();
        assertThat(page.locator("#worklist-error")).containsText("select at least one document");
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        assertEquals(4, reviewerLayers("rob"));
        assertEquals(10, reviewerLayers("sue"));
        BrowserSupport.screenshot(page, "worklist-02-refused");
    }

    private static Locator bulk(Page page) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Assign the selected documents"));
    }

    private long reviewerLayers(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Layer.count("owner.username = ?1 and kind = ?2", username,
                LayerKind.reviewer));
    }
}
