package dev.credence.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import dev.credence.TestData;
import dev.credence.support.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads the Label Studio export into Label Studio's own editor (@heartexlabs/label-studio 1.4.0 from npm, fetched
 * by scripts/fetch-label-studio.sh) in Chromium, and checks what it builds: every region highlights exactly the
 * exported text, with its labels and per-region grades, and every relation joins the exported regions.
 */
@QuarkusTest
class LabelStudioBrowserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORIGIN = "http://label-studio.test/";
    private static final Path BUILD = Paths.get("target/label-studio/1.4.0/build");

    static Playwright playwright;
    static Browser browser;

    @Inject
    TestData data;
    @Inject
    ExportFixtures fixtures;

    InteropFixture fixture;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() throws Exception {
        fetchLabelStudio();
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void shutdown() {
        BrowserSupport.close(browser, playwright);
    }

    @BeforeEach
    void setUp() throws IOException {
        fixture = InteropFixture.create(data, fixtures);
        context = browser.newContext();
        page = context.newPage();
        byte[] editor;
        try (InputStream in = LabelStudioBrowserTest.class.getResourceAsStream("/label-studio/editor.html")) {
            editor = in.readAllBytes();
        }
        // The editor page and Label Studio's bundle, served from disk under a made-up origin: no server needed.
        page.route(ORIGIN + "**", route -> {
            String path = route.request().url().substring(ORIGIN.length()).replaceAll("[?#].*", "");
            try {
                if (path.equals("editor.html")) {
                    fulfill(route, "text/html; charset=utf-8", editor);
                } else if (path.startsWith("static/") && !path.contains("..") && Files.isRegularFile(BUILD.resolve(path))) {
                    fulfill(route, path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "application/javascript"
                            : "application/octet-stream", Files.readAllBytes(BUILD.resolve(path)));
                } else {
                    route.fulfill(new Route.FulfillOptions().setStatus(404));
                }
            } catch (IOException e) {
                route.abort();
            }
        });
        page.route(url -> !url.startsWith(ORIGIN), Route::abort); // no fonts or trackers from the internet
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private static void fulfill(Route route, String type, byte[] body) {
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType(type).setBodyBytes(body));
    }

    /** Runs scripts/fetch-label-studio.sh (npm pack into target/, idempotent); fails with its output if it cannot. */
    static void fetchLabelStudio() throws Exception {
        Process p = new ProcessBuilder("bash", "scripts/fetch-label-studio.sh").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/fetch-label-studio.sh timed out: " + output);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("scripts/fetch-label-studio.sh failed (" + p.exitValue() + "): " + output);
        }
    }

    @Test
    void labelStudioHighlightsEveryExportedRegion() throws Exception {
        LabelStudioExportReader.Export export = LabelStudioExportReader.read(
                LabelStudioExportTest.export(TestData.token("mara"), fixture, "all"));
        JsonNode tasks = MAPPER.readTree(export.entries().get("tasks.json"));
        int regions = 0;
        for (JsonNode task : tasks) {
            page.navigate(ORIGIN + "editor.html");
            String json = (String) page.evaluate(
                    "async ([config, task]) => JSON.stringify(await window.loadIntoLabelStudio(config, JSON.parse(task)))",
                    Arrays.asList(export.config(), MAPPER.writeValueAsString(task)));
            JsonNode report = MAPPER.readTree(json);
            // For the record: the annotation with the most regions, as a reviewer would open it.
            Object most = page.evaluate("() => { const as = window.Htx.annotationStore; const a = as.annotations.slice()"
                    + ".sort((x, y) => y.regionStore.regions.length - x.regionStore.regions.length)[0];"
                    + " if (!a) return 0; as.selectAnnotation(a.id); return a.regionStore.regions.length; }");
            page.waitForFunction("n => new Set([...document.querySelectorAll('.htx-highlight')]"
                    + ".map(s => [...s.classList].find(c => c.startsWith('htx-highlight-')))).size >= n", most);
            BrowserSupport.screenshot(page, "label-studio-task-" + task.get("id").asText());
            assertEquals(task.get("annotations").size(), report.get("annotations").size(), json);
            for (JsonNode annotation : task.get("annotations")) {
                regions += check(annotation, find(report.get("annotations"), annotation.get("id").asText()));
            }
        }
        assertEquals(11, regions, "rev1's ten spans and gold's claim");
    }

    private static JsonNode find(JsonNode annotations, String pk) {
        for (JsonNode a : annotations) {
            if (a.get("pk").asText().equals(pk)) {
                return a;
            }
        }
        throw new AssertionError("Label Studio has no annotation " + pk + " in " + annotations);
    }

    /** Compares one exported annotation with what the editor built; returns the number of regions. */
    private static int check(JsonNode exported, JsonNode shown) {
        Map<String, JsonNode> regions = new HashMap<>();
        for (JsonNode r : shown.get("regions")) {
            regions.put(r.get("id").asText(), r);
        }
        List<String> relations = new ArrayList<>();
        int count = 0;
        for (JsonNode result : exported.get("result")) {
            if (result.has("from_id")) {
                relations.add(result.get("from_id").asText() + " -" + result.at("/labels/0").asText() + "-> "
                        + result.get("to_id").asText());
                continue;
            }
            JsonNode region = regions.get(result.get("id").asText());
            assertNotNull(region, "Label Studio has no region " + result.get("id") + ": " + shown);
            String type = result.get("type").asText();
            if (type.equals("labels")) {
                count++;
                assertEquals(result.at("/value/text").asText(), region.get("highlighted").asText(),
                        "the text Label Studio highlights for " + result.get("id"));
                assertEquals(result.at("/value/start").asInt(), region.get("start").asInt());
                assertEquals(result.at("/value/end").asInt(), region.get("end").asInt());
                assertEquals(result.at("/value/labels"), region.get("labels"));
            } else {
                String expected = result.get("from_name").asText() + "="
                        + result.at("/value/" + (type.equals("choices") ? "choices" : "text"));
                List<String> shownResults = new ArrayList<>();
                region.get("results").forEach(n -> shownResults.add(n.asText()));
                assertTrue(shownResults.contains(expected), expected + " on " + result.get("id") + ": " + shownResults);
            }
        }
        assertEquals(count, shown.get("regions").size(), "no region more or less than exported");
        List<String> shownRelations = new ArrayList<>();
        shown.get("relations").forEach(n -> shownRelations.add(n.asText()));
        assertEquals(relations.stream().sorted().toList(), shownRelations.stream().sorted().toList());
        return count;
    }
}
