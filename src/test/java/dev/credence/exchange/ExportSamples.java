package dev.credence.exchange;

import dev.credence.annotation.ClaimKind;
import dev.credence.annotation.CueClass;
import dev.credence.annotation.LayerKind;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.annotation.Stance;
import dev.credence.source.SourceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** In-memory export rows for the writer unit tests: a fictional article with emoji, CJK, quotes and commas. */
final class ExportSamples {
    static final String TEXT = "Researchers at the cybersecurity firm Lanternfish told the Harbor Ledger that "
            + "\"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n"
            + "The ministry said the report was \"baseless\" 😀 and 谣言.\n";

    private ExportSamples() {
    }

    /** Start of {@code exact} in {@link #TEXT}, in code points. */
    static int start(String exact) {
        int chars = TEXT.indexOf(exact);
        if (chars < 0) {
            throw new IllegalArgumentException("not in text: " + exact);
        }
        return TEXT.codePointCount(0, chars);
    }

    static int end(String exact) {
        return start(exact) + exact.codePointCount(0, exact.length());
    }

    /** 32 code points of context before the span. */
    static String prefix(String exact) {
        int s = start(exact);
        return cp(Math.max(0, s - 32), s);
    }

    static String suffix(String exact) {
        int e = end(exact);
        return cp(e, Math.min(TEXT.codePointCount(0, TEXT.length()), e + 32));
    }

    static String cp(int start, int end) {
        StringBuilder sb = new StringBuilder();
        TEXT.codePoints().skip(start).limit(end - start).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static ExportRows.Document document() {
        String twoHop = "\"Copper Kite\", a group 🐉 tied to the ministry, breached 14 agencies, twice.\n";
        String denial = "the report was \"baseless\" 😀 and 谣言";
        ExportRows.Claim claim = new ExportRows.Claim(101, 11, start(twoHop), end(twoHop), twoHop, prefix(twoHop),
                suffix(twoHop), "event", "asserted", true, 3, "Only the firm's word, \"for now\"",
                "https://example.org/a,b", new ArrayList<>());
        claim.hops().add(new ExportRows.Hop(101, 0, 7, "Lanternfish", SourceType.firm_report, "TW",
                new ExportRows.SpanRef(201, start("Lanternfish"), end("Lanternfish"), "Lanternfish"),
                new ExportRows.CueRef(301, start("told"), end("told"), "told", "speech"),
                "asserts", "C"));
        claim.hops().add(new ExportRows.Hop(101, 1, 8, "Harbor Ledger", SourceType.independent_media, null,
                null, null, "reports", null));
        ExportRows.Claim oneHop = new ExportRows.Claim(102, 11, start(denial), end(denial), denial, prefix(denial),
                suffix(denial), "opinion", "denied", null, null, null, null, new ArrayList<>());
        oneHop.hops().add(new ExportRows.Hop(102, 0, 9, "The ministry", SourceType.government_statement, null,
                null, null, "asserts", "F"));
        ExportRows.Claim bare = new ExportRows.Claim(103, 12, start("谣言"), end("谣言"), "谣言", prefix("谣言"),
                suffix("谣言"), null, null, null, null, null, null, List.of());
        ExportRows.Layer reviewer = new ExportRows.Layer(11, 1, LayerKind.reviewer, LayerState.submitted, "rita",
                "Rita R", List.of(claim, oneHop),
                List.of(new ExportRows.Mention(201, 11, start("Lanternfish"), end("Lanternfish"), "Lanternfish",
                        prefix("Lanternfish"), suffix("Lanternfish"), 7L, "Lanternfish")),
                List.of(new ExportRows.Cue(301, 11, start("told"), end("told"), "told", prefix("told"),
                        suffix("told"), "speech")));
        ExportRows.Layer gold = new ExportRows.Layer(12, 1, LayerKind.gold, LayerState.in_progress, null, null,
                List.of(bare), List.of(), List.of());
        return new ExportRows.Document(1, "Kite, \"Copper\" and 🐉", "https://example.org/kite", "Harbor Ledger",
                LocalDate.of(2025, 3, 14), "abc123", 1, TEXT, List.of(reviewer, gold));
    }

    static ExportRows.Document emptyDocument() {
        return new ExportRows.Document(2, "No claims here", null, null, null, "def456", 1, "Nothing to see.", List.of());
    }
}
