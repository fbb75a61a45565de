package dev.credence.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.credence.annotation.AnnotationFixtures.ARTICLE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.project.Project;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.credence.support.BrowserSupport;

/** Queue → Next document → document page, and the dashboard's progress bars, in a real browser. */
@QuarkusTest
class ReviewFlowBrowserTest {
    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;

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

    Page login(String username) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        Page page = context.newPage();
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestData.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    @Test
    void reviewerGetsTheNextDocumentFromTheQueueAndTheManagerSeesProgress() {
        data.reset();
        User mia = data.user("mia");
        data.user("rob");
        Project project = data.project("Harbours", mia);
        data.member(project, "rob", "reviewer");
        fixtures.document(project, "Port probes reported", ARTICLE);

        Page page = login("rob");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My queue"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next document in Harbours")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Port probes reported")))
                .isVisible();
        page.navigate(base + "queue");
        assertThat(page.locator("#assigned").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Port probes reported"))).isVisible();
        context.close();

        page = login("mia");
        page.navigate(base + "projects/" + project.id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard")).click();
        assertThat(page.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Reviews submitted")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("rob Display")).first())
                .containsText("0 / 1");
    }
}
