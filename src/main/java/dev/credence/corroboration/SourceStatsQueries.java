package dev.credence.corroboration;

import dev.credence.annotation.LayerVisibility;

import dev.credence.account.User;
import dev.credence.source.Source;
import dev.credence.source.SourceGrade;
import dev.credence.source.SourceGrades;
import dev.credence.source.stats.SourceStatistics;
import dev.credence.source.stats.SourceStats;
import dev.credence.source.stats.SourceStatistics.GradeChange;
import dev.credence.source.stats.SourceStatistics.GradeCount;
import dev.credence.source.stats.SourceStatistics.Month;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a source's page, from four GROUP BY queries whatever the number of claims (no claim is loaded).
 *
 * <p>Which claims count: those attributed to the source at any hop, in layers the viewer may read
 * ({@link LayerVisibility}) <em>and</em> that are gold or submitted. Work in progress — the viewer's own open layer
 * included — is left out, so the figures describe finished judgements and do not move with every keystroke; a
 * reviewer in a blind project sees other reviewers' submitted layers only once unblinded, as everywhere else, so no
 * figure is derived from a layer they may not read. A claim is <em>independently corroborated</em> when it has a
 * corroborates + independent link, and <em>contradicted</em> when it has a contradicts link (any origin), in either
 * direction; a link made to the claim counts only if the linking claim is itself in a counted layer. Months are
 * those of the documents' publication dates; documents without one are counted as undated.
 */
@ApplicationScoped
public class SourceStatsQueries implements SourceStats {
    static final String COUNTED = "(l.kind = :vGold or l.state = :vSubmitted)";
    static final String FROM = " from AttributionHop h join h.claim c join c.layer l join l.document d"
            + " where h.source.id = :source and " + LayerVisibility.jpql("l") + " and " + COUNTED;
    /** A link in either direction; one made to the claim only from a claim in a counted, readable layer. */
    // Links are named in JPQL only (relation and origin as enum literals), so this package uses no class of
    // corroboration, which sits above annotation and source.
    static final String CORROBORATES = " k.relation = dev.credence.corroboration.LinkRelation.corroborates"
            + " and k.origin = dev.credence.corroboration.LinkOrigin.independent";
    static final String CONTRADICTS = " k.relation = dev.credence.corroboration.LinkRelation.contradicts";
    static final String LINKED = " and (exists (select k.id from ClaimLink k where k.claim = c and %1$s)"
            + " or exists (select k.id from ClaimLink k join k.claim kc join kc.layer kl where k.target = c and %1$s"
            + " and (kl.kind = :vGold or kl.state = :vSubmitted) and " + visibleAs("kl") + "))";

    @Inject
    EntityManager em;
    @Inject
    SourceGrades grades;

    /** The rule of {@link LayerVisibility#jpql} for a second layer alias in the same query (its own subquery aliases). */
    static String visibleAs(String alias) {
        return LayerVisibility.jpql(alias).replace("vm.", "km.").replace("vm ", "km ").replace("vo.", "ko.")
                .replace("vo ", "ko ").replace("vg.", "kg.").replace("vg ", "kg ");
    }

    @Override
    public SourceStatistics of(Source source, User viewer) {
        // One pass for kind, credibility and month: a claim is in exactly one (kind, credibility, month) group, so the
        // groups' distinct counts add up to distinct claims.
        long gold = 0;
        long submitted = 0;
        Map<Integer, Long> credibility = new HashMap<>();
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        long[] undated = new long[3];
        for (Object[] r : query("select l.kind, c.credibility, year(d.publishedAt), month(d.publishedAt), count(distinct c.id)"
                + FROM + " group by l.kind, c.credibility, year(d.publishedAt), month(d.publishedAt)", viewer, source)) {
            long n = n(r[4]);
            if ("gold".equals(r[0].toString())) {
                gold += n;
            } else {
                submitted += n;
            }
            credibility.merge(r[1] == null ? 0 : ((Number) r[1]).intValue(), n, Long::sum);
            monthly(List.<Object[]>of(new Object[] { r[2], r[3], n }), 0, months, undated);
        }
        Map<String, Long> reliability = new HashMap<>();
        for (Object[] r : query("select h.reliability, count(h)" + FROM + " group by h.reliability", viewer, source)) {
            reliability.merge(r[0] == null ? "" : r[0].toString(), n(r[1]), Long::sum);
        }
        String byMonth = " group by year(d.publishedAt), month(d.publishedAt)";
        String select = "select year(d.publishedAt), month(d.publishedAt), count(distinct c.id)";
        monthly(query(select + FROM + String.format(LINKED, CORROBORATES) + byMonth, viewer, source), 1, months, undated);
        monthly(query(select + FROM + String.format(LINKED, CONTRADICTS) + byMonth, viewer, source), 2, months, undated);
        List<Month> series = new ArrayList<>();
        long corroborated = undated[1];
        long contradicted = undated[2];
        if (!months.isEmpty()) {
            for (YearMonth m = months.firstKey(); !m.isAfter(months.lastKey()); m = m.plusMonths(1)) {
                long[] v = months.getOrDefault(m, new long[3]);
                series.add(new Month(m.toString(), v[0], v[1], v[2]));
                corroborated += v[1];
                contradicted += v[2];
            }
        }
        return new SourceStatistics(source.id, source.name, gold + submitted, gold, submitted, corroborated, contradicted,
                credibilityCounts(credibility), reliabilityCounts(reliability), series, undated[0],
                history(grades.grades(source, viewer)));
    }

    /** Each grade with the one it replaced in the same project; newest first, as given. */
    static List<GradeChange> history(List<SourceGrade> newestFirst) {
        List<SourceGrade> oldest = new ArrayList<>(newestFirst);
        oldest.sort(Comparator.comparing((SourceGrade g) -> g.gradedAt).thenComparing(g -> g.id));
        Map<Long, String> last = new HashMap<>();
        List<GradeChange> out = new ArrayList<>();
        for (SourceGrade g : oldest) {
            out.add(0, new GradeChange(g.id, g.project.id, g.project.name, g.grade, last.get(g.project.id), g.rationale,
                    g.gradedBy.username, g.gradedBy.displayName, g.gradedAt));
            last.put(g.project.id, g.grade);
        }
        return out;
    }

    static final String[] CREDIBILITY_WORDS = { "confirmed by other sources", "probably true", "possibly true", "doubtful",
            "improbable", "truth cannot be judged" };
    static final String[] RELIABILITY_WORDS = { "completely reliable", "usually reliable", "fairly reliable",
            "not usually reliable", "unreliable", "reliability cannot be judged" };

    private static List<GradeCount> credibilityCounts(Map<Integer, Long> counts) {
        List<GradeCount> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(new GradeCount(String.valueOf(i), CREDIBILITY_WORDS[i - 1], counts.getOrDefault(i, 0L)));
        }
        out.add(new GradeCount(null, "not graded", counts.getOrDefault(0, 0L)));
        return out;
    }

    private static List<GradeCount> reliabilityCounts(Map<String, Long> counts) {
        List<GradeCount> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String g = String.valueOf((char) ('A' + i));
            out.add(new GradeCount(g, RELIABILITY_WORDS[i], counts.getOrDefault(g, 0L)));
        }
        out.add(new GradeCount(null, "not graded", counts.getOrDefault("", 0L)));
        return out;
    }

    private static void monthly(List<Object[]> rows, int slot, TreeMap<YearMonth, long[]> months, long[] undated) {
        for (Object[] r : rows) {
            if (r[0] == null || r[1] == null) {
                undated[slot] += n(r[2]);
            } else {
                months.computeIfAbsent(YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue()),
                        k -> new long[3])[slot] += n(r[2]);
            }
        }
    }

    private List<Object[]> query(String jpql, User viewer, Source source) {
        return bound(jpql, viewer, source).getResultList();
    }

    private TypedQuery<Object[]> bound(String jpql, User viewer, Source source) {
        return LayerVisibility.bind(em.createQuery(jpql, Object[].class), viewer.id).setParameter("source", source.id);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
