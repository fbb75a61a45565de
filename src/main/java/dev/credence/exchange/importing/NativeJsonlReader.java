package dev.credence.exchange.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Offsets;
import dev.credence.document.ArticleInput;
import dev.credence.document.TextNormalizer;
import dev.credence.source.SourceType;
import dev.credence.web.UnprocessableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Credence's own JSONL export (docs/formats.md, "Native JSONL") read back: documents with every layer,
 * claim, attribution hop, mention and cue. Ids in the file only tie hops to mentions and cues; the import
 * makes new ones. Sources are looked up in the registry by name (then created with the type and country
 * the file gives). Export-only fields ({@code id}, {@code revision}, {@code chain}, {@code prefix},
 * {@code suffix}, {@code agreement}) are ignored; {@code textSha256} and {@code offsets}, when present, are
 * checked.
 */
final class NativeJsonlReader {
    private NativeJsonlReader() {
    }

    static List<ImportDraft> read(byte[] content, String file) {
        List<ImportDraft> drafts = new ArrayList<>();
        JsonInput.lines(content, file, (node, lineNo) -> drafts.add(document(node, file, lineNo)));
        if (drafts.isEmpty()) {
            throw new UnprocessableException(file + ": empty file, no document in it");
        }
        return drafts;
    }

    private static ImportDraft document(JsonNode node, String file, int lineNo) {
        String where = file + " line " + lineNo;
        String text = Fields.requireString(node, "text", where, "");
        if (text.isBlank()) {
            throw new UnprocessableException(where + ": text: missing or blank");
        }
        String offsets = Fields.string(node, "offsets", where, "");
        if (offsets != null && !offsets.equals("unicode_code_points")) {
            throw new UnprocessableException(where + ": offsets: '" + offsets + "'; this reader takes unicode_code_points");
        }
        String sha = Fields.string(node, "textSha256", where, "");
        if (sha != null && !sha.equalsIgnoreCase(TextNormalizer.sha256(text))
                && !sha.equalsIgnoreCase(TextNormalizer.sha256(TextNormalizer.normalize(text)))) {
            throw new UnprocessableException(where + ": textSha256 does not match the text (was the text edited?)");
        }
        ArticleInput article = JsonInput.article(node, text, file, lineNo, where, "");
        Offsets.CodePointIndex index = Offsets.CodePointIndex.of(text);
        Map<String, SourceType> typeByName = new HashMap<>();
        List<JsonNode> layers = Fields.array(node, "layers", where, "");
        // Hop sources carry a type; mentions name theirs only. Gather types first, so a mention's source can be created.
        for (int i = 0; i < layers.size(); i++) {
            for (JsonNode c : Fields.array(layers.get(i), "claims", where, "layers[" + i + "].")) {
                for (JsonNode h : Fields.array(c, "attribution", where, "")) {
                    JsonNode s = Fields.get(h, "source");
                    if (s != null && s.isObject() && Fields.get(s, "name") != null && Fields.get(s, "type") != null
                            && s.get("name").isTextual() && s.get("type").isTextual()) {
                        SourceType t = SourceType.parse(s.get("type").textValue());
                        if (t != null) {
                            typeByName.putIfAbsent(s.get("name").textValue(), t);
                        }
                    }
                }
            }
        }
        List<ImportDraft.Layer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            out.add(layer(Fields.requireObject(layers.get(i), where, "layers[" + i + "]"), "layers[" + i + "].", index,
                    where, typeByName));
        }
        return new ImportDraft(article, where, out);
    }

    private static ImportDraft.Layer layer(JsonNode l, String path, Offsets.CodePointIndex text, String where,
            Map<String, SourceType> typeByName) {
        String kind = Fields.requireString(l, "kind", where, path);
        if (!kind.equals("reviewer") && !kind.equals("gold")) {
            throw new UnprocessableException(where + ": " + path + "kind: 'reviewer' or 'gold', not '" + kind + "'");
        }
        boolean gold = kind.equals("gold");
        LayerState state = enumValue(LayerState.class, Fields.string(l, "state", where, path), where, path + "state");
        JsonNode owner = Fields.object(l, "owner", where, path);
        String username = owner == null ? null : Fields.requireString(owner, "username", where, path + "owner.");
        if (!gold && username == null) {
            throw new UnprocessableException(where + ": " + path + "owner: a reviewer layer needs its owner's username");
        }
        List<ImportDraft.Mention> mentions = new ArrayList<>();
        Map<String, ImportDraft.Mention> mentionByKey = new LinkedHashMap<>();
        List<JsonNode> ms = Fields.array(l, "mentions", where, path);
        for (int i = 0; i < ms.size(); i++) {
            String p = path + "mentions[" + i + "].";
            JsonNode m = Fields.requireObject(ms.get(i), where, p);
            int[] span = span(m, text, where, p);
            JsonNode s = Fields.object(m, "source", where, p);
            ImportDraft.Source source = null;
            if (s != null) {
                String name = Fields.requireString(s, "name", where, p + "source.");
                source = new ImportDraft.Source(name, typeByName.get(name), null);
            }
            String key = Fields.id(m, "id", where, p);
            ImportDraft.Mention mention = new ImportDraft.Mention(where + ": " + p, key == null ? "m#" + i : key,
                    span[0], span[1], source);
            mentions.add(mention);
            mentionByKey.put(mention.key(), mention);
        }
        List<ImportDraft.Cue> cues = new ArrayList<>();
        Map<String, ImportDraft.Cue> cueByKey = new LinkedHashMap<>();
        List<JsonNode> cs = Fields.array(l, "cues", where, path);
        for (int i = 0; i < cs.size(); i++) {
            String p = path + "cues[" + i + "].";
            JsonNode c = Fields.requireObject(cs.get(i), where, p);
            int[] span = span(c, text, where, p);
            String key = Fields.id(c, "id", where, p);
            ImportDraft.Cue cue = new ImportDraft.Cue(where + ": " + p, key == null ? "c#" + i : key, span[0], span[1],
                    label(Fields.string(c, "cueClass", where, p)));
            cues.add(cue);
            cueByKey.put(cue.key(), cue);
        }
        List<ImportDraft.Claim> claims = new ArrayList<>();
        List<JsonNode> cl = Fields.array(l, "claims", where, path);
        for (int i = 0; i < cl.size(); i++) {
            String p = path + "claims[" + i + "].";
            JsonNode c = Fields.requireObject(cl.get(i), where, p);
            int[] span = span(c, text, where, p);
            Integer credibility = Fields.integer(c, "credibility", where, p);
            if (credibility != null && (credibility < 1 || credibility > 6)) {
                throw new UnprocessableException(where + ": " + p + "credibility: 1..6, not " + credibility);
            }
            List<ImportDraft.Hop> hops = new ArrayList<>();
            List<JsonNode> hs = Fields.array(c, "attribution", where, p);
            for (int j = 0; j < hs.size(); j++) {
                hops.add(hop(Fields.requireObject(hs.get(j), where, p + "attribution[" + j + "]"),
                        p + "attribution[" + j + "].", j, text, where, mentions, mentionByKey, cues, cueByKey));
            }
            claims.add(new ImportDraft.Claim(where + ": " + p, span[0], span[1],
                    label(Fields.string(c, "kind", where, p)),
                    label(Fields.string(c, "stance", where, p)),
                    Fields.bool(c, "checkWorthy", where, p), credibility, Fields.string(c, "rationale", where, p),
                    Fields.string(c, "evidenceUrl", where, p), hops));
        }
        return new ImportDraft.Layer(username, gold, state == null ? LayerState.submitted : state, claims, mentions,
                cues);
    }

    private static ImportDraft.Hop hop(JsonNode h, String p, int j, Offsets.CodePointIndex text, String where,
            List<ImportDraft.Mention> mentions, Map<String, ImportDraft.Mention> mentionByKey,
            List<ImportDraft.Cue> cues, Map<String, ImportDraft.Cue> cueByKey) {
        Integer position = Fields.integer(h, "position", where, p);
        if (position != null && position != j) {
            throw new UnprocessableException(where + ": " + p + "position: " + position + ", but hops must come in "
                    + "chain order from 0 (this is hop " + j + ")");
        }
        JsonNode s = Fields.object(h, "source", where, p);
        if (s == null) {
            throw new UnprocessableException(where + ": " + p + "source: required");
        }
        String typeName = Fields.string(s, "type", where, p + "source.");
        SourceType type = typeName == null ? null : SourceType.parse(typeName);
        if (typeName != null && type == null) {
            throw new UnprocessableException(where + ": " + p + "source.type: '" + typeName + "' is not one of "
                    + Arrays.toString(SourceType.values()));
        }
        ImportDraft.Source source = new ImportDraft.Source(Fields.requireString(s, "name", where, p + "source."), type,
                Fields.string(s, "country", where, p + "source."));
        String mentionKey = null;
        JsonNode m = Fields.object(h, "mention", where, p);
        if (m != null) {
            int[] span = span(m, text, where, p + "mention.");
            String key = Fields.id(m, "id", where, p + "mention.");
            if (key == null || !mentionByKey.containsKey(key)) {
                // A hop's mention not listed among the layer's mentions: it is one all the same.
                ImportDraft.Mention added = new ImportDraft.Mention(where + ": " + p + "mention",
                        key == null ? "hop-m#" + mentions.size() : key, span[0], span[1], source);
                mentions.add(added);
                mentionByKey.put(added.key(), added);
                key = added.key();
            }
            mentionKey = key;
        }
        String cueKey = null;
        JsonNode c = Fields.object(h, "cue", where, p);
        if (c != null) {
            int[] span = span(c, text, where, p + "cue.");
            String key = Fields.id(c, "id", where, p + "cue.");
            if (key == null || !cueByKey.containsKey(key)) {
                ImportDraft.Cue added = new ImportDraft.Cue(where + ": " + p + "cue",
                        key == null ? "hop-c#" + cues.size() : key, span[0], span[1],
                        label(Fields.string(c, "cueClass", where, p + "cue.")));
                cues.add(added);
                cueByKey.put(added.key(), added);
                key = added.key();
            }
            cueKey = key;
        }
        String reliability = Fields.string(h, "reliability", where, p);
        if (reliability != null && !reliability.matches("[A-F]")) {
            throw new UnprocessableException(where + ": " + p + "reliability: A–F, not '" + reliability + "'");
        }
        return new ImportDraft.Hop(where + ": " + p, source, mentionKey, cueKey,
                label(Fields.string(h, "relation", where, p)), reliability);
    }

    private static int[] span(JsonNode node, Offsets.CodePointIndex text, String where, String p) {
        int start = Fields.requireInt(node, "start", where, p);
        int end = Fields.requireInt(node, "end", where, p);
        Fields.span(text, start, end, Fields.string(node, "exact", where, p), where, p);
        return new int[] { start, end };
    }

    /** A schema value as the file writes it (checked against the project's schema when storing), null for blank. */
    private static String label(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, String field) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new UnprocessableException(where + ": " + field + ": '" + value + "' is not one of "
                + Arrays.toString(type.getEnumConstants()));
    }
}
