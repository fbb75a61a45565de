package dev.credence.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Playwright with Debian's Chromium (no browser download), and small helpers shared by browser tests. */
public final class BrowserSupport {
    private BrowserSupport() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Closes what {@link #playwright()} and {@link #chromium} opened; either may be null. */
    public static void close(Browser browser, Playwright playwright) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Logs in through the real login form. */
    public static void login(Page page, String base, String username, String password) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Selects the first occurrence of {@code needle} in the document text with a DOM Range, as a mouse drag would. */
    public static void selectText(Page page, String needle) {
        // A shortcut pressed before the page's module ran is lost: wait until credence.js says it is ready.
        page.waitForFunction("() => !document.body.dataset.document || document.body.dataset.ready === 'true'");
        page.evaluate("""
                (needle) => {
                  const root = document.getElementById('doc-text');
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  const nodes = []; let all = '';
                  while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
                  const from = all.indexOf(needle), to = from + needle.length;
                  if (from < 0) throw new Error('not in the text: ' + needle);
                  const at = (i, end) => { for (const [n, o] of nodes) { if (i < o + n.data.length || (end && i === o + n.data.length)) return [n, i - o]; } };
                  const range = document.createRange();
                  range.setStart(...at(from, false)); range.setEnd(...at(to, true));
                  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                }""", needle);
    }

    public static void screenshot(Page page, String name) {
        try {
            Path dir = Paths.get("target/screenshots");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
