package dev.credence.review.agreement;

import dev.credence.review.agreement.AgreementReport.Alpha;
import dev.credence.review.agreement.AgreementReport.DocumentRow;
import dev.credence.review.agreement.AgreementReport.Pair;
import dev.credence.review.agreement.CohenKappa.Rating;
import dev.credence.review.agreement.KrippendorffAlpha.Level;
import dev.credence.review.matching.SpanMatcher.Match;
import dev.credence.review.matching.SpanMatcher.Range;
import dev.credence.review.matching.SpanMatcher;
import dev.credence.source.SourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Turns the claims of submitted reviewer layers into an {@link AgreementReport}.
 * Pure: no database, so the rules (docs/agreement.md) are unit-tested directly.
 *
 * <ul>
 * <li>Pairs: reviewers are ordered by username; for each pair the earlier one is
 * the reference {@code a}. Counts are pooled over the documents both submitted
 * (micro-average); κ is computed on the overlap-matched claims of all those documents.</li>
 * <li>Units for α: per document, the pairwise overlap matches of all reviewer pairs
 * are merged, best Jaccard first, into clusters that hold at most one claim per
 * reviewer (connected components with that constraint). A cluster is a unit;
 * a reviewer without a claim in it is missing.</li>
 * <li>Credibility 6 and reliability F ("cannot be judged") are not points on the
 * ordinal scales: they count as missing for α, but as categories of their own for κ
 * (nominal).</li>
 * </ul>
 */
public final class AgreementCalculator {
    private AgreementCalculator() {
    }

    /** What one reviewer said about one claim: its span and the originator hop (hop 0). */
    public record Judgement(int start, int end, Integer credibility, String reliability,
            SourceType sourceType, String relation) {
        Range range() {
            return new Range(start, end);
        }
    }

    /** One document's submitted reviewer layers: username → claims (sorted map, so order is stable). */
    public record DocumentClaims(Long id, String title, SortedMap<String, List<Judgement>> byReviewer) {
    }

    /** Credibility on the ordinal scale 1–5; 6 ("truth cannot be judged") and ungraded are missing. */
    public static Integer credibilityOrdinal(Integer credibility) {
        return credibility == null || credibility < 1 || credibility > 5 ? null : credibility;
    }

    /** Reliability A–E as 1–5; F ("cannot be judged") and ungraded are missing. */
    public static Integer reliabilityOrdinal(String reliability) {
        if (reliability == null || reliability.length() != 1) {
            return null;
        }
        int grade = reliability.charAt(0) - 'A' + 1;
        return grade >= 1 && grade <= 5 ? grade : null;
    }

    public static AgreementReport compute(Long project, Long document, List<DocumentClaims> documents) {
        TreeSet<String> reviewers = new TreeSet<>();
        Map<String, PairTally> pairs = new LinkedHashMap<>();
        List<List<Judgement>> units = new ArrayList<>();
        List<DocumentRow> rows = new ArrayList<>();
        int compared = 0;
        for (DocumentClaims doc : documents) {
            reviewers.addAll(doc.byReviewer().keySet());
            List<String> names = new ArrayList<>(doc.byReviewer().keySet());
            List<List<Judgement>> claims = names.stream().map(doc.byReviewer()::get).toList();
            if (names.size() >= 2) {
                compared++;
            }
            List<Edge> edges = new ArrayList<>();
            int matchedHere = 0;
            int claimsHere = 0;
            for (int i = 0; i < names.size(); i++) {
                claimsHere += claims.get(i).size();
                for (int j = i + 1; j < names.size(); j++) {
                    List<Judgement> a = claims.get(i);
                    List<Judgement> b = claims.get(j);
                    List<Range> ra = a.stream().map(Judgement::range).toList();
                    List<Range> rb = b.stream().map(Judgement::range).toList();
                    List<Match> overlap = SpanMatcher.overlap(ra, rb);
                    int exact = SpanMatcher.exact(ra, rb).size();
                    PairTally tally = pairs.computeIfAbsent(names.get(i) + "\u0000" + names.get(j),
                            k -> new PairTally());
                    tally.add(a.size(), b.size(), overlap.size(), exact);
                    for (Match m : overlap) {
                        Judgement ja = a.get(m.a());
                        Judgement jb = b.get(m.b());
                        tally.credibility.add(new Rating<>(ja.credibility(), jb.credibility()));
                        tally.reliability.add(new Rating<>(ja.reliability(), jb.reliability()));
                        edges.add(new Edge(i, m.a(), j, m.b(), m.jaccard()));
                    }
                    matchedHere += overlap.size();
                }
            }
            List<List<Judgement>> docUnits = cluster(claims, edges);
            units.addAll(docUnits);
            int pairable = (int) docUnits.stream().filter(u -> u.stream().filter(j -> j != null).count() >= 2).count();
            Double f1 = null;
            if (names.size() >= 2) {
                int pairedClaims = claimsHere * (names.size() - 1);
                f1 = pairedClaims == 0 ? null : 2.0 * matchedHere / pairedClaims;
            }
            rows.add(new DocumentRow(doc.id(), doc.title(), names.size(), claimsHere, pairable, f1,
                    alpha(docUnits, Property.credibility).alpha(), alpha(docUnits, Property.reliability).alpha()));
        }
        List<Pair> pairList = new ArrayList<>();
        pairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] ab = e.getKey().split("\u0000");
            pairList.add(e.getValue().toPair(ab[0], ab[1]));
        });
        return new AgreementReport(project, document, documents.size(), compared, List.copyOf(reviewers),
                alpha(units, Property.credibility), alpha(units, Property.reliability),
                alpha(units, Property.sourceType), alpha(units, Property.relation), pairList, rows);
    }

    enum Property { credibility, reliability, sourceType, relation }

    static Alpha alpha(List<List<Judgement>> units, Property property) {
        List<List<Integer>> values = new ArrayList<>(units.size());
        // Relations are names from the project's label schema: nominal codes in order of first appearance.
        Map<String, Integer> codes = new HashMap<>();
        int count = 0;
        for (List<Judgement> unit : units) {
            List<Integer> row = new ArrayList<>(unit.size());
            for (Judgement j : unit) {
                Integer v = j == null ? null : value(j, property, codes);
                row.add(v);
                if (v != null) {
                    count++;
                }
            }
            values.add(row);
        }
        Level level = property == Property.credibility || property == Property.reliability ? Level.ordinal : Level.nominal;
        int pairable = KrippendorffAlpha.pairableUnits(values);
        int pairableValues = 0;
        for (List<Integer> row : values) {
            long m = row.stream().filter(v -> v != null).count();
            if (m >= 2) {
                pairableValues += (int) m;
            }
        }
        return new Alpha(KrippendorffAlpha.compute(values, level), level.name(), pairable, pairableValues);
    }

    private static Integer value(Judgement j, Property property, Map<String, Integer> codes) {
        return switch (property) {
            case credibility -> credibilityOrdinal(j.credibility());
            case reliability -> reliabilityOrdinal(j.reliability());
            case sourceType -> j.sourceType() == null ? null : j.sourceType().ordinal();
            case relation -> j.relation() == null ? null : codes.computeIfAbsent(j.relation(), r -> codes.size());
        };
    }

    /** An overlap match between claim {@code ca} of reviewer {@code ra} and claim {@code cb} of reviewer {@code rb}. */
    private record Edge(int ra, int ca, int rb, int cb, double jaccard) {
    }

    /**
     * Clusters the claims of one document: edges best Jaccard first (ties by reviewer and
     * claim index); two clusters merge unless they already share a reviewer. Returns one
     * row per cluster with one slot per reviewer (null = that reviewer has no claim there).
     */
    static List<List<Judgement>> cluster(List<List<Judgement>> claims, List<Edge> edges) {
        int[] base = new int[claims.size()];
        int total = 0;
        for (int r = 0; r < claims.size(); r++) {
            base[r] = total;
            total += claims.get(r).size();
        }
        int[] parent = new int[total];
        List<Map<Integer, Integer>> members = new ArrayList<>(total); // root → (reviewer → claim)
        for (int r = 0; r < claims.size(); r++) {
            for (int c = 0; c < claims.get(r).size(); c++) {
                parent[base[r] + c] = base[r] + c;
                Map<Integer, Integer> m = new HashMap<>();
                m.put(r, c);
                members.add(m);
            }
        }
        edges.sort(Comparator.comparingDouble(Edge::jaccard).reversed()
                .thenComparingInt(Edge::ra).thenComparingInt(Edge::ca)
                .thenComparingInt(Edge::rb).thenComparingInt(Edge::cb));
        for (Edge e : edges) {
            int x = find(parent, base[e.ra()] + e.ca());
            int y = find(parent, base[e.rb()] + e.cb());
            if (x == y) {
                continue;
            }
            Map<Integer, Integer> mx = members.get(x);
            Map<Integer, Integer> my = members.get(y);
            if (mx.keySet().stream().anyMatch(my::containsKey)) {
                continue;
            }
            int root = Math.min(x, y);
            int other = Math.max(x, y);
            parent[other] = root;
            members.get(root).putAll(members.get(other));
        }
        List<List<Judgement>> units = new ArrayList<>();
        for (int node = 0; node < total; node++) {
            if (find(parent, node) != node) {
                continue;
            }
            List<Judgement> unit = new ArrayList<>(claims.size());
            for (int r = 0; r < claims.size(); r++) {
                Integer c = members.get(node).get(r);
                unit.add(c == null ? null : claims.get(r).get(c));
            }
            units.add(unit);
        }
        return units;
    }

    private static int find(int[] parent, int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    private static final class PairTally {
        int documents;
        int claimsA;
        int claimsB;
        int matched;
        int exact;
        final List<Rating<Integer>> credibility = new ArrayList<>();
        final List<Rating<String>> reliability = new ArrayList<>();

        void add(int a, int b, int overlap, int exactMatches) {
            documents++;
            claimsA += a;
            claimsB += b;
            matched += overlap;
            exact += exactMatches;
        }

        Pair toPair(String a, String b) {
            SpanScore span = SpanScore.of(claimsA, claimsB, matched);
            SpanScore ex = SpanScore.of(claimsA, claimsB, exact);
            return new Pair(a, b, documents, claimsA, claimsB,
                    matched, span.precision(), span.recall(), span.f1(),
                    exact, ex.precision(), ex.recall(), ex.f1(),
                    CohenKappa.compute(credibility), CohenKappa.compute(reliability));
        }
    }
}
