package dev.credence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The benchmark project, written with plain JDBC batches (the app's services would take hours at a
 * million claims): documents of sentences "&lt;firm&gt; told &lt;outlet&gt; that &lt;claim&gt;.", emoji and CJK
 * included, one reviewer layer per document, each claim with a two-hop chain (firm with mention and
 * cue, outlet).
 */
final class BenchProject {
    private BenchProject() {
    }

    private static final String[] FIRMS = { "Lanternfish", "Grey Heron Labs", "Kestrel Intel", "North Quay Research" };
    private static final String[] OUTLETS = { "Harbor Ledger", "The Evening Lamp", "Radio Meridian", "新港日报" };

    // News-like claims for the search benchmark: subject × verb × object, so every word has a known share of the
    // claims (each subject, verb and object is in 1/12 of them) and free-text queries match what they would on news.
    private static final String[] SUBJECTS = { "Hackers linked to the state security ministry", "A hacking group",
            "The shipping companies", "Port operators", "The defence ministry", "Customs officials", "A contractor",
            "The navy", "Three research institutes", "The coast guard", "Local officials", "An unnamed supplier" };
    private static final String[] VERBS = { "targeted", "breached", "installed a backdoor in", "denied any attack on",
            "reported outages at", "planted malware on", "warned of phishing against", "audited", "shut down",
            "quietly paid for", "tracked", "monitored" };
    private static final String[] OBJECTS = { "shipping companies in the strait", "the port’s cargo system",
            "two regional airports", "the harbour radar network", "a fleet of fishing vessels 🚢",
            "state security archives", "the ministry’s e‑mail servers", "oil terminals on the coast",
            "a satellite ground station", "customs databases", "the grid’s control room", "a university laboratory" };
    private static final String[] FILLER = { "Nobody answered the phone at the company’s head office on Friday.",
            "The figures could not be checked independently.", "A spokesperson promised a fuller statement “within days”.",
            "Photographs shared online showed a queue of lorries at the gate 📸.", "The timeline remains disputed.",
            "Earlier this year a similar incident was blamed on a software update.",
            "Insurers have started to ask harder questions, two brokers said.", "台北 and 高雄 reported calm weather." };

    /** Sentences with the benchmark's original claims ("unit d-k moved n vessels"): what ExportBenchmark measured. */
    static void generate(DataSource dataSource, long projectId, long ownerId, int documents, int claimsPerDocument,
            int sources) throws Exception {
        generate(dataSource, projectId, ownerId, documents, claimsPerDocument, sources, false);
    }

    /**
     * Writes the project's documents, one reviewer layer each (owned by {@code ownerId}), claims, hops, sources.
     * {@code news}: claims drawn from {@link #SUBJECTS} × {@link #VERBS} × {@link #OBJECTS}, two sentences of
     * {@link #FILLER} after each (about 3 kB a document of 10 claims).
     */
    static void generate(DataSource dataSource, long projectId, long ownerId, int documents, int claimsPerDocument,
            int sources, boolean news) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long sourceBase = nextId(c, "source");
            long documentBase = nextId(c, "document");
            long layerBase = nextId(c, "layer");
            long claimBase = nextId(c, "claim");
            long mentionBase = nextId(c, "mention");
            long cueBase = nextId(c, "cue");
            long hopBase = nextId(c, "attribution_hop");
            Timestamp now = Timestamp.from(Instant.now());
            String[] sourceNames = new String[sources];
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into source (id, name, type, country, created_at) values (?, ?, ?, ?, ?)")) {
                for (int s = 0; s < sources; s++) {
                    boolean firm = s % 2 == 0;
                    sourceNames[s] = (firm ? FIRMS : OUTLETS)[s / 2 % 4] + " #" + s;
                    ps.setLong(1, sourceBase + s);
                    ps.setString(2, sourceNames[s]);
                    ps.setString(3, firm ? "firm_report" : "independent_media");
                    ps.setString(4, s % 3 == 0 ? "TW" : null);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement doc = c.prepareStatement("insert into document (id, project_id, title, url,"
                    + " publisher, published_at, text, text_sha256, length_cp, created_at) values (?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement layer = c.prepareStatement("insert into layer (id, document_id, owner_id, kind,"
                            + " state, updated_at, version) values (?,?,?,'reviewer','submitted',?,0)");
                    PreparedStatement claim = c.prepareStatement("insert into claim (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, kind, stance, check_worthy,"
                            + " credibility, rationale, evidence_url, created_at, updated_at, version)"
                            + " values (?,?,?,?,?,?,?,'event','asserted',true,?,?,null,?,?,0)");
                    PreparedStatement mention = c.prepareStatement("insert into mention (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, source_id, created_at)"
                            + " values (?,?,?,?,?,?,?,?,?)");
                    PreparedStatement cue = c.prepareStatement("insert into cue (id, layer_id, start_offset,"
                            + " end_offset, exact_text, prefix_text, suffix_text, cue_class, created_at)"
                            + " values (?,?,?,?,?,?,?,'speech',?)");
                    PreparedStatement hop = c.prepareStatement("insert into attribution_hop (id, claim_id, position,"
                            + " source_id, mention_id, cue_id, relation, reliability) values (?,?,?,?,?,?,?,?)")) {
                long claimId = claimBase;
                long hopId = hopBase;
                for (int d = 0; d < documents; d++) {
                    long documentId = documentBase + d;
                    long layerId = layerBase + d;
                    // Each sentence: "<firm> told <outlet> that <claim>.\n"; offsets counted in code points.
                    StringBuilder text = new StringBuilder();
                    int cp = 0;
                    List<int[]> spans = new ArrayList<>();
                    List<String[]> strings = new ArrayList<>();
                    for (int k = 0; k < claimsPerDocument; k++) {
                        int firm = (d * 7 + k * 2) % sources / 2 * 2;
                        int outlet = firm + 1;
                        String firmName = sourceNames[firm];
                        String claimText = news ? SUBJECTS[(d * 7 + k * 5) % 12] + " " + VERBS[(d * 5 + k * 7 + 3) % 12] + " "
                                + OBJECTS[(d * 11 + k) % 12] + (k % 4 == 0 ? ", “allegedly”, in " + (2020 + d % 6) : "")
                                : "unit " + d + "-" + k + " moved 🚢 " + (k * 13 % 97)
                                + " vessels, \"allegedly\", near 港口 " + d;
                        int firmStart = cp;
                        text.append(firmName).append(" told ").append(sourceNames[outlet]).append(" that ");
                        int cueStart = firmStart + cps(firmName) + 1;
                        cp += cps(firmName) + 6 + cps(sourceNames[outlet]) + 6;
                        int claimStart = cp;
                        text.append(claimText).append(".\n");
                        cp += cps(claimText) + 2;
                        if (news) {
                            String filler = FILLER[(d + k) % FILLER.length] + " " + FILLER[(d * 3 + k + 1) % FILLER.length] + "\n";
                            text.append(filler);
                            cp += cps(filler);
                        }
                        spans.add(new int[] { firmStart, cueStart, claimStart, firm, outlet });
                        strings.add(new String[] { firmName, claimText });
                    }
                    String body = text.toString();
                    int[] at = codePointIndex(body);
                    doc.setLong(1, documentId);
                    doc.setLong(2, projectId);
                    doc.setString(3, "Benchmark article " + d + ", with \"quotes\" 🚢");
                    doc.setString(4, "https://example.org/bench/" + d);
                    doc.setString(5, "Harbor Ledger");
                    doc.setObject(6, java.time.LocalDate.of(2025, 1, 1).plusDays(d % 365));
                    doc.setString(7, body);
                    doc.setString(8, String.format("%064x", documentId));
                    doc.setInt(9, cp);
                    doc.setTimestamp(10, now);
                    doc.addBatch();
                    layer.setLong(1, layerId);
                    layer.setLong(2, documentId);
                    layer.setLong(3, ownerId);
                    layer.setTimestamp(4, now);
                    layer.addBatch();
                    for (int k = 0; k < claimsPerDocument; k++) {
                        int[] s = spans.get(k);
                        String[] str = strings.get(k);
                        long mentionId = mentionBase + (long) d * claimsPerDocument + k;
                        long cueId = cueBase + (long) d * claimsPerDocument + k;
                        span(mention, mentionId, layerId, body, at, s[0], str[0]);
                        mention.setLong(8, sourceBase + s[3]);
                        mention.setTimestamp(9, now);
                        mention.addBatch();
                        span(cue, cueId, layerId, body, at, s[1], "told");
                        cue.setTimestamp(8, now);
                        cue.addBatch();
                        span(claim, claimId, layerId, body, at, s[2], str[1]);
                        claim.setInt(8, 1 + k % 6);
                        claim.setString(9, k % 5 == 0 ? "Single firm, unconfirmed; see \"annex\"" : null);
                        claim.setTimestamp(10, now);
                        claim.setTimestamp(11, now);
                        claim.addBatch();
                        hop(hop, hopId++, claimId, 0, sourceBase + s[3], mentionId, cueId, "asserts", "ABCDEF".substring(k % 6, k % 6 + 1));
                        hop(hop, hopId++, claimId, 1, sourceBase + s[4], null, null, "reports", null);
                        claimId++;
                    }
                    if (d % 10 == 9 || d == documents - 1) {
                        doc.executeBatch();
                        layer.executeBatch();
                        claim.executeBatch();
                        mention.executeBatch();
                        cue.executeBatch();
                        hop.executeBatch();
                        c.commit();
                    }
                }
            }
            // Explicit ids were used: move every identity past them so the app can insert again.
            for (String table : List.of("source", "document", "layer", "claim", "mention", "cue", "attribution_hop")) {
                long next = nextId(c, table);
                try (Statement s = c.createStatement()) {
                    s.execute("alter table " + table + " alter column id restart with " + next);
                }
            }
            c.commit();
        }
    }

    /** Binds id, layer, offsets, exact and 32 code points of context; {@code at[i]} is the char index of code point i. */
    private static void span(PreparedStatement ps, long id, long layerId, String text, int[] at, int start, String exact)
            throws Exception {
        int end = start + cps(exact);
        if (!text.substring(at[start], at[end]).equals(exact)) {
            throw new IllegalStateException("offset bug at " + start + ": " + exact);
        }
        int length = at.length - 1;
        ps.setLong(1, id);
        ps.setLong(2, layerId);
        ps.setInt(3, start);
        ps.setInt(4, end);
        ps.setString(5, exact);
        ps.setString(6, text.substring(at[Math.max(0, start - 32)], at[start]));
        ps.setString(7, text.substring(at[end], at[Math.min(length, end + 32)]));
    }

    private static int[] codePointIndex(String text) {
        int[] at = new int[cps(text) + 1];
        int i = 0;
        for (int cp = 0; cp < at.length - 1; cp++) {
            at[cp] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        at[at.length - 1] = text.length();
        return at;
    }

    private static void hop(PreparedStatement ps, long id, long claimId, int position, long sourceId, Long mentionId,
            Long cueId, String relation, String reliability) throws Exception {
        ps.setLong(1, id);
        ps.setLong(2, claimId);
        ps.setInt(3, position);
        ps.setLong(4, sourceId);
        ps.setObject(5, mentionId);
        ps.setObject(6, cueId);
        ps.setString(7, relation);
        ps.setString(8, reliability);
        ps.addBatch();
    }

    private static int cps(String s) {
        return s.codePointCount(0, s.length());
    }

    private static long nextId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
