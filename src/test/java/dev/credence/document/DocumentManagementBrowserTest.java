package dev.credence.document;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.project.Project;
import dev.credence.support.BrowserSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager renames an imported article called "logo" and then deletes it, on a real-size (5 kB) text. */
@QuarkusTest
class DocumentManagementBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

    BrowserContext context;
    Page page;
    Project project;
    Document doc;

    @BeforeAll
    static void launch() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void shutdown() {
        BrowserSupport.close(browser, playwright);
    }

    /** About 5 kB of invented harbour news: paragraphs written for this test, repeated with numbers. */
    static String article() {
        StringBuilder text = new StringBuilder("logo\n\n");
        for (int i = 1; text.length() < 5000; i++) {
            text.append("Port authority log ").append(i).append(": the ferry operator Saltmarsh Lines said on Tuesday ")
                    .append("that its booking system had been unavailable for ").append(i + 2)
                    .append(" hours, and the Quayside Gazette reported, citing two engineers, that the outage ")
                    .append("followed an intrusion attempt.\n\n");
        }
        return text.toString();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        project = data.project("Harbour desk", data.user("maren"));
        doc = fixtures.document(project, "logo", article());
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void renameThenDelete() {
        assertTrue(doc.text.length() >= 5000, "a real-size article");
        BrowserSupport.login(page, base.toString(), "maren", TestData.PASSWORD);
        page.navigate(base + "documents/" + doc.id);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("logo"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit details")).click();
        assertThat(page.getByLabel("Title")).hasValue("logo");
        page.getByLabel("Title").fill("Ferry bookings down after intrusion attempt");
        page.getByLabel("Publisher").fill("Quayside Gazette");
        page.getByLabel("Published on").fill("2026-11-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
        assertThat(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Ferry bookings down after intrusion attempt"))).isVisible();
        assertThat(page.locator(".doc-meta")).containsText("Quayside Gazette");
        BrowserSupport.screenshot(page, "document-renamed");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit details")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete this document…")).click();
        assertThat(page.locator("#delete-what")).containsText("0 claims");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete document")).click();
        assertTrue(page.url().endsWith("/projects/" + project.id), page.url());
        assertNull(QuarkusTransaction.requiringNew().call(() -> Document.findById(doc.id)));
        assertEquals(404, page.navigate(base + "documents/" + doc.id).status());
    }
}
