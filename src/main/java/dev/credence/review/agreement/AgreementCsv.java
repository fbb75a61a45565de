package dev.credence.review.agreement;

import dev.credence.web.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The agreement report as CSV: one row per reviewer pair ({@code kind=pair}) and one
 * row per α metric ({@code kind=alpha}). Columns that do not apply to a row, and
 * undefined figures, are empty. The report is small (pairs of reviewers), so it is
 * built in memory.
 */
final class AgreementCsv {
    static final String[] HEADER = { "kind", "metric", "level", "a", "b", "documents", "units", "claims_a", "claims_b",
            "matched", "span_precision", "span_recall", "span_f1", "exact_matched", "exact_precision", "exact_recall",
            "exact_f1", "kappa", "reliability_kappa", "alpha" };

    private AgreementCsv() {
    }

    static String write(AgreementReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AgreementReport.Pair p : report.pairs()) {
                // Reviewer names are user text; the metrics are numbers (a negative kappa keeps its sign).
                csv.printRecord("pair", "span", "", CsvCells.cell(p.a()), CsvCells.cell(p.b()), p.documents(), "", p.claimsA(), p.claimsB(),
                        p.matched(), num(p.spanPrecision()), num(p.spanRecall()), num(p.spanF1()),
                        p.exactMatched(), num(p.exactPrecision()), num(p.exactRecall()), num(p.exactF1()),
                        num(p.kappa()), num(p.reliabilityKappa()), "");
            }
            alpha(csv, "credibility", report.credibility(), report.comparedDocuments());
            alpha(csv, "reliability", report.reliability(), report.comparedDocuments());
            alpha(csv, "source_type", report.sourceType(), report.comparedDocuments());
            alpha(csv, "relation", report.relation(), report.comparedDocuments());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void alpha(CSVPrinter csv, String metric, AgreementReport.Alpha a, int documents) throws IOException {
        csv.printRecord("alpha", metric, a.level(), "", "", documents, a.units(), "", "", "", "", "", "", "", "", "", "",
                "", "", num(a.alpha()));
    }

    static String num(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
