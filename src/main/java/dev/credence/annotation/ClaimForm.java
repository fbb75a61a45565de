package dev.credence.annotation;

import dev.credence.document.Document;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim form's values, as typed (strings, so a rejected form keeps them): new ({@code claimId} null) or editing
 * a claim at {@code version}. One model for the reviewer's form on the document page and the gold claim form of
 * adjudication: how the posted fields are read ({@link #read}), how hop rows are added, moved and removed
 * ({@link #reshape}), and what is saved ({@link #input}).
 */
public record ClaimForm(Long claimId, Long version, int start, int end, String exact, String kind, String stance,
        Boolean checkWorthy, Integer credibility, String rationale, String evidenceUrl, List<HopForm> hops,
        String error) {
    private static final Pattern HOP_FIELD = Pattern.compile("hops\\[(\\d{1,2})]\\.(\\w+)");
    private static final Pattern HOP_OP = Pattern.compile("(up|down|remove)-(\\d{1,2})");
    static final int MAX_HOPS = HopResolver.MAX_HOPS;

    /** One attribution hop row of the claim form. */
    public record HopForm(int index, String sourceName, String sourceType, Long mentionId, Long cueId,
            String relation, String reliability) {
        public String label() {
            return index == 0 ? "Originator" : "Hop " + (index + 1) + " (passed on by)";
        }

        /** An empty row: the originator asserts, later hops report. */
        public static HopForm blank(int index) {
            return new HopForm(index, "", "", null, null, index == 0 ? "asserts" : "reports", "");
        }

        public boolean hasMention(Long id) {
            return Objects.equals(mentionId, id);
        }

        public boolean hasCue(Long id) {
            return Objects.equals(cueId, id);
        }

        /** Hop rows left entirely empty are dropped on save rather than rejected. */
        boolean empty() {
            return sourceName.isBlank() && mentionId == null;
        }

        HopForm at(int i) {
            return new HopForm(i, sourceName, sourceType, mentionId, cueId, relation, reliability);
        }
    }

    /** A new claim's form on the text between {@code start} and {@code end}, with {@code hopRows} empty hop rows. */
    public static ClaimForm blank(Document doc, int start, int end, int hopRows) {
        List<HopForm> hops = new ArrayList<>();
        for (int i = 0; i < hopRows; i++) {
            hops.add(HopForm.blank(i));
        }
        return new ClaimForm(null, null, start, end, slice(doc, start, end), "", "", null, null, "", "", hops, null);
    }

    /**
     * The form on a stored claim, its hops loaded. {@code emptyRow}: one empty hop row after the claim's own, to
     * add a hop without JavaScript; a claim without hops always gets one.
     */
    public static ClaimForm of(Claim c, boolean emptyRow) {
        List<HopForm> hops = new ArrayList<>();
        for (AttributionHop h : c.hops) {
            hops.add(new HopForm(hops.size(), h.source.name, h.source.type.name(),
                    h.mention == null ? null : h.mention.id, h.cue == null ? null : h.cue.id,
                    h.relation, h.reliability == null ? "" : h.reliability));
        }
        if (emptyRow || hops.isEmpty()) {
            hops.add(HopForm.blank(hops.size()));
        }
        return new ClaimForm(c.id, c.version, c.start, c.end, c.exact, nullToEmpty(c.kind), nullToEmpty(c.stance),
                c.checkWorthy, c.credibility, nullToEmpty(c.rationale), nullToEmpty(c.evidenceUrl), hops, null);
    }

    /** Reads the claim form, including the indexed hop fields {@code hops[0].sourceName} and so on. */
    public static ClaimForm read(Document doc, MultivaluedMap<String, String> f, Long claimId) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : f.entrySet()) {
            Matcher m = HOP_FIELD.matcher(e.getKey());
            if (m.matches() && !e.getValue().isEmpty()) {
                int i = Integer.parseInt(m.group(1));
                if (i < MAX_HOPS) {
                    rows.computeIfAbsent(i, k -> new HashMap<>()).put(m.group(2), e.getValue().get(0));
                }
            }
        }
        List<HopForm> hops = new ArrayList<>();
        for (Map<String, String> r : rows.values()) {
            hops.add(new HopForm(hops.size(), nullToEmpty(r.get("sourceName")).strip(), nullToEmpty(r.get("sourceType")),
                    longOrNull(r.get("mentionId")), longOrNull(r.get("cueId")), nullToEmpty(r.get("relation")),
                    nullToEmpty(r.get("reliability"))));
        }
        if (hops.isEmpty()) {
            hops.add(HopForm.blank(0));
        }
        int start = integer(f.getFirst("start"), 0);
        int end = integer(f.getFirst("end"), 0);
        String cred = f.getFirst("credibility");
        return new ClaimForm(claimId, longOrNull(f.getFirst("version")), start, end, slice(doc, start, end),
                nullToEmpty(f.getFirst("kind")), nullToEmpty(f.getFirst("stance")),
                checkWorthyChoice(f.getFirst("checkWorthy")), cred == null || cred.isBlank() ? null : integer(cred, 0),
                nullToEmpty(f.getFirst("rationale")), nullToEmpty(f.getFirst("evidenceUrl")), hops, null);
    }

    /** The same values with the message of a refused save. */
    /**
     * Where the form posts: the reviewer's claim routes, or adjudication's gold ones ({@code gold}); new claims post to
     * {@code …/claims}, edits to {@code …/claims/{claimId}}. Used by the claim form tag.
     */
    public String action(Object documentId, boolean gold) {
        return "/documents/" + documentId + (gold ? "/adjudicate" : "") + "/claims" + (claimId == null ? "" : "/" + claimId);
    }

    public ClaimForm withError(String message) {
        return new ClaimForm(claimId, version, start, end, exact, kind, stance, checkWorthy, credibility, rationale,
                evidenceUrl, hops, message);
    }

    /** The same values on another span of the text (re-placing an orphaned claim). */
    public ClaimForm placedOn(Document doc, int newStart, int newEnd) {
        return new ClaimForm(claimId, version, newStart, newEnd, slice(doc, newStart, newEnd), kind, stance,
                checkWorthy, credibility, rationale, evidenceUrl, hops, null);
    }

    /** The form with a hop added, moved up or down, or removed ({@code op}: add, up-N, down-N, remove-N). */
    public ClaimForm reshape(String op) {
        List<HopForm> rows = new ArrayList<>(hops);
        op = Objects.requireNonNullElse(op, "");
        Matcher m = HOP_OP.matcher(op);
        if (op.equals("add") && rows.size() < MAX_HOPS) {
            rows.add(HopForm.blank(rows.size()));
        } else if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            if (i < rows.size()) {
                switch (m.group(1)) {
                    case "up" -> {
                        if (i > 0) {
                            rows.add(i - 1, rows.remove(i));
                        }
                    }
                    case "down" -> {
                        if (i + 1 < rows.size()) {
                            rows.add(i + 1, rows.remove(i));
                        }
                    }
                    default -> rows.remove(i);
                }
            }
        }
        List<HopForm> renumbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            renumbered.add(rows.get(i).at(i));
        }
        return new ClaimForm(claimId, version, start, end, exact, kind, stance, checkWorthy, credibility, rationale,
                evidenceUrl, renumbered, null);
    }

    /** What is saved: blank fields are absent, empty hop rows dropped. */
    public ClaimInput input() {
        List<HopInput> in = new ArrayList<>();
        for (HopForm h : hops) {
            if (h.empty()) {
                continue;
            }
            in.add(new HopInput(null, blankToNull(h.sourceName()), blankToNull(h.sourceType()), h.mentionId(), null,
                    h.cueId(), null, blankToNull(h.relation()), blankToNull(h.reliability())));
        }
        return new ClaimInput(start, end, blankToNull(kind), blankToNull(stance), checkWorthy, credibility,
                blankToNull(rationale), blankToNull(evidenceUrl), in);
    }

    /** The hop rows that would be saved. */
    public List<HopForm> filledHops() {
        return hops.stream().filter(h -> !h.empty()).toList();
    }

    /** The check-worthy choice as the form sends it: "" (not judged), "true" or "false". */
    public String checkWorthyChoice() {
        return checkWorthy == null ? "" : checkWorthy.toString();
    }

    /** The check-worthy choice in words, for read-only views: "yes", "no" or "not judged". */
    public String checkWorthyText() {
        return checkWorthy == null ? "not judged" : checkWorthy ? "yes" : "no";
    }

    public boolean isLast(HopForm h) {
        return h.index() == hops.size() - 1;
    }

    public boolean isCredibility(String value) {
        return credibility != null && credibility.toString().equals(value);
    }

    public int hopCount() {
        return hops.size();
    }

    /** The error is about {@code field} (its message starts "field: ..."), so it is shown next to it. */
    public boolean errorIn(String field) {
        return error != null && error.startsWith(field + ":");
    }

    /**
     * The check-worthy field: "true" (also "on", a ticked box) is check-worthy, "false" is not, anything else
     * (absent or "") is not judged.
     */
    static Boolean checkWorthyChoice(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "true", "on" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The text between two code point offsets, or "" when they are not a valid span. */
    public static String slice(Document doc, int start, int end) {
        if (start < 0 || end <= start || end > doc.lengthCp) {
            return "";
        }
        return Offsets.slice(doc.text, start, end);
    }

    /** A number field; {@code fallback} when absent or not a number. */
    static int integer(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** An id field; null when absent or not a number. */
    static Long longOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
