package dev.credence.exchange.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares two native JSONL exports that must be identical but for the database ids of documents, layers, claims,
 * mentions, cues and (in a fresh instance) sources: walks both in parallel, learns each id correspondence the first
 * time it meets it and demands the same one every later time (and never two originals for one restored id), and
 * demands every other value be equal.
 */
final class IdMapping {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, Map<Long, Long>> ids = new HashMap<>();
    /** References to rows that may come later in the export (a link's target claim and document): checked at the end. */
    private final List<Object[]> references = new ArrayList<>();

    static List<JsonNode> lines(String jsonl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** Asserts the exports are the same up to ids; returns the learnt mapping. */
    static IdMapping compare(String original, String restored) throws Exception {
        List<JsonNode> a = lines(original);
        List<JsonNode> b = lines(restored);
        assertEquals(a.size(), b.size(), "documents");
        IdMapping m = new IdMapping();
        for (int i = 0; i < a.size(); i++) {
            m.walk("document", a.get(i), b.get(i), "[" + i + "]");
        }
        for (Object[] r : m.references) {
            Long mapped = m.of((String) r[0]).get((Long) r[1]);
            assertTrue(mapped != null, r[3] + ": " + r[0] + " " + r[1] + " is in neither export");
            assertEquals(mapped, r[2], r[3] + ": " + r[0] + " " + r[1] + " restored as " + mapped);
        }
        return m;
    }

    Map<Long, Long> of(String kind) {
        return ids.computeIfAbsent(kind, k -> new HashMap<>());
    }

    private void walk(String kind, JsonNode a, JsonNode b, String path) {
        if (a.isObject()) {
            assertTrue(b.isObject(), path);
            List<String> fa = new ArrayList<>();
            a.fieldNames().forEachRemaining(fa::add);
            List<String> fb = new ArrayList<>();
            b.fieldNames().forEachRemaining(fb::add);
            assertEquals(fa, fb, path + ": fields");
            for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (f.equals("id")) {
                    learn(kind, a.get(f).asLong(), b.get(f).asLong(), path);
                } else if ((f.equals("targetClaimId") || f.equals("targetDocumentId")) && a.get(f).isIntegralNumber()) {
                    assertTrue(b.get(f).isIntegralNumber(), path + "." + f);
                    references.add(new Object[] { f.equals("targetClaimId") ? "claim" : "document", a.get(f).asLong(),
                            b.get(f).asLong(), path + "." + f });
                } else {
                    walk(kindOf(f, kind), a.get(f), b.get(f), path + "." + f);
                }
            }
        } else if (a.isArray()) {
            assertTrue(b.isArray(), path);
            assertEquals(a.size(), b.size(), path + ": size");
            for (int i = 0; i < a.size(); i++) {
                walk(kind, a.get(i), b.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(a, b, path);
        }
    }

    private static String kindOf(String field, String parent) {
        return switch (field) {
            case "layers" -> "layer";
            case "claims" -> "claim";
            case "mentions", "mention" -> "mention";
            case "cues", "cue" -> "cue";
            case "source" -> "source";
            case "links" -> "claim_link";
            default -> parent;
        };
    }

    private void learn(String kind, long original, long restored, String path) {
        Map<Long, Long> map = of(kind);
        Long known = map.putIfAbsent(original, restored);
        if (known != null && known != restored) {
            fail(path + ": " + kind + " " + original + " restored as both " + known + " and " + restored);
        }
        if (known == null && new HashSet<>(map.values()).size() != map.size()) {
            fail(path + ": two " + kind + "s restored as " + restored);
        }
    }
}
