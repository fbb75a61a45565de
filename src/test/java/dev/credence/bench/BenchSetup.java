package dev.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates what a run needs through the admin's API: reviewers, a project, the articles (JSONL import). */
final class BenchSetup {
    static final String REVIEWER_PASSWORD = "load-reviewer-password";

    record Project(long id, List<String> reviewers, Map<Long, BenchArticles.Article> articles) {
    }

    private BenchSetup() {
    }

    static Project create(BenchHttp http, String adminToken, String tag, int reviewers, int documents, int claims)
            throws IOException {
        BenchHttp.Reply p = http.json("POST", "/api/v1/projects", adminToken,
                Map.of("name", "Load run " + tag, "reviewersPerDocument", 1));
        require(p, 201, "project");
        long projectId = p.json().get("id").asLong();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= reviewers; i++) {
            String name = String.format("r%s-%02d", tag, i);
            require(http.json("POST", "/api/v1/users", adminToken,
                    Map.of("username", name, "password", REVIEWER_PASSWORD, "displayName", "Reviewer " + i)), 201, "user");
            require(http.json("POST", "/api/v1/projects/" + projectId + "/members", adminToken,
                    Map.of("username", name, "role", "reviewer")), 201, "member");
            names.add(name);
        }
        Map<Long, BenchArticles.Article> articles = new HashMap<>();
        for (int from = 0; from < documents; from += 100) {
            List<BenchArticles.Article> batch = new ArrayList<>();
            for (int i = from; i < Math.min(documents, from + 100); i++) {
                batch.add(BenchArticles.article(tag, i, claims));
            }
            List<Long> ids = importBatch(http, adminToken, projectId, batch);
            for (int i = 0; i < ids.size(); i++) {
                articles.put(ids.get(i), batch.get(i));
            }
        }
        return new Project(projectId, names, articles);
    }

    /** One JSON Lines import (all or nothing); the new documents' ids in line order. */
    static List<Long> importBatch(BenchHttp http, String token, long projectId, List<BenchArticles.Article> batch)
            throws IOException {
        BenchHttp.Reply r = http.send("POST", "/api/v1/projects/" + projectId + "/documents/import", token, null,
                "application/x-ndjson", jsonl(batch));
        require(r, 201, "import");
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : r.json().get("imported")) {
            ids.add(id.asLong());
        }
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("import stored " + ids.size() + " of " + batch.size());
        }
        return ids;
    }

    static String jsonl(List<BenchArticles.Article> batch) throws IOException {
        StringBuilder b = new StringBuilder();
        for (BenchArticles.Article a : batch) {
            b.append(BenchHttp.JSON.writeValueAsString(Map.of("title", a.title(), "publisher", "Bench Wire",
                    "text", a.text()))).append('\n');
        }
        return b.toString();
    }

    static void require(BenchHttp.Reply r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
        }
    }
}
