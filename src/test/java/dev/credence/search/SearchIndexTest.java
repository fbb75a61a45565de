package dev.credence.search;

import static dev.credence.corroboration.CorroborationFixtures.BUDGET_GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.COURIER;
import static dev.credence.corroboration.CorroborationFixtures.GAZETTE;
import static dev.credence.corroboration.CorroborationFixtures.STRIKE_COURIER;
import static dev.credence.corroboration.CorroborationFixtures.claim;
import static dev.credence.corroboration.CorroborationFixtures.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import dev.credence.corroboration.CorroborationFixtures;
import dev.credence.document.DocumentService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index follows the change log, not this JVM: writes made over plain JDBC (as another instance, a script or a
 * restore would), with their change_log row in the same transaction, are found by the next search after
 * credence.search.check-interval-ms; deletes disappear; a transaction that took an older change_log id and commits
 * late is not lost.
 */
@QuarkusTest
class SearchIndexTest {
    @Inject
    CorroborationFixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    DocumentService documents;
    @Inject
    SearchIndex index;

    CorroborationFixtures.World w;
    String mona;
    long ritaCourier;
    long ritaGazetteLayer;

    @BeforeEach
    void setUp() throws SQLException {
        w = fixtures.world();
        mona = TestData.token("mona");
        String rita = TestData.token("rita");
        ritaCourier = create(rita, w.courier(), claim(COURIER, STRIKE_COURIER, 2, "Defence ministry", "government_statement"));
        create(rita, w.gazette(), claim(GAZETTE, BUDGET_GAZETTE, 4, "Mayor", "government_official"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from layer where document_id = ? and owner_id = (select id from app_user where username = 'rita')")) {
            ps.setLong(1, w.gazette().id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ritaGazetteLayer = rs.getLong(1);
            }
        }
        assertTrue(claimIds("radar").contains(ritaCourier)); // warm: the index has read the log so far
    }

    @Test
    void aTransactionThatTookAnOlderLogIdAndCommitsLateIsNotMissed() throws SQLException {
        try (Connection slow = dataSource.getConnection(); Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long late = insertClaim(slow, "Drones circled the lighthouse at Cape Verity before dawn");
            quick.setAutoCommit(false);
            long early = insertClaim(quick, "A drone was filmed over the lighthouse keeper's cottage");
            quick.commit(); // its change_log id is higher than the open transaction's
            List<Long> found = await("lighthouse", ids -> ids.contains(early));
            assertFalse(found.contains(late), "not committed yet");
            slow.commit();
            assertTrue(await("lighthouse", ids -> ids.contains(late)).contains(late));
        }
    }

    @Test
    void updatesAndDeletesMadeOverJdbcAreFollowed() throws SQLException {
        long id;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            id = insertClaim(c, "Fishermen reported an oil slick off the northern pier");
            c.commit();
        }
        assertTrue(await("slick", ids -> ids.contains(id)).contains(id));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "update claim set exact_text = 'Fishermen reported a sunken trawler off the northern pier',"
                            + " version = version + 1 where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            log(c, id, "update");
            c.commit();
        }
        assertTrue(await("trawler", ids -> ids.contains(id)).contains(id));
        assertFalse(claimIds("slick").contains(id), "the old text is gone from the index");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("delete from claim where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            log(c, id, "delete");
            c.commit();
        }
        assertFalse(await("trawler", ids -> !ids.contains(id)).contains(id));
    }

    @Test
    void aDeletedDocumentDisappearsWithItsClaims() {
        QuarkusTransaction.requiringNew().run(() -> documents.delete(w.courier().id));
        // Through the service: this instance's listener makes the next search check at once.
        assertFalse(claimIds("radar").contains(ritaCourier));
        List<Integer> docs = TestData.api(mona).queryParam("q", "radar").when().get(url()).then().statusCode(200)
                .extract().path("documents.id");
        assertFalse(docs.contains(w.courier().id.intValue()), docs.toString());
    }

    @Test
    void aWriteWithoutAChangeLogRowIsFoundByTheFullCheck() throws SQLException {
        long id;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = claimInsert(c,
                "Divers recovered a bronze bell from the harbour mud")) {
            ps.executeUpdate();
            id = lastClaim(c);
        }
        // Hand-written SQL that leaves no change marker is outside the contract of the log...
        assertFalse(await("bell", ids -> ids.contains(id)).contains(id));
        // ...and is caught by the periodic full comparison (credence.search.full-check-interval-s).
        QuarkusTransaction.requiringNew().run(index::fullReconcile);
        assertTrue(claimIds("bell").contains(id));
    }

    private String url() {
        return "/api/v1/projects/" + w.project().id + "/search";
    }

    private List<Long> claimIds(String q) {
        List<Number> ids = TestData.api(mona).queryParam("q", q).when().get(url()).then().statusCode(200)
                .extract().path("claims.id");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Searches until {@code done} holds or 2 s have passed (ten times the check interval); the last answer. */
    private List<Long> await(String q, Predicate<List<Long>> done) {
        long until = System.currentTimeMillis() + 2_000;
        List<Long> ids = claimIds(q);
        while (!done.test(ids) && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ids = claimIds(q);
        }
        return ids;
    }

    /** A claim in rita's gazette layer and its change_log row, in the connection's transaction; its id. */
    private long insertClaim(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = claimInsert(c, text)) {
            ps.executeUpdate();
        }
        long id = lastClaim(c);
        log(c, id, "create");
        return id;
    }

    private PreparedStatement claimInsert(Connection c, String text) throws SQLException {
        PreparedStatement ps = c.prepareStatement("insert into claim (layer_id, start_offset, end_offset, exact_text,"
                + " prefix_text, suffix_text, kind, credibility, created_at, updated_at, version)"
                + " values (?, 0, 5, ?, '', '', 'event', 3, current_timestamp, current_timestamp, 0)");
        ps.setLong(1, ritaGazetteLayer);
        ps.setString(2, text);
        return ps;
    }

    private static long lastClaim(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select max(id) from claim"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void log(Connection c, long claim, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into change_log (changed_at, project_id, document_id,"
                + " entity_type, entity_id, action) values (current_timestamp, ?, ?, 'claim', ?, ?)")) {
            ps.setLong(1, w.project().id);
            ps.setLong(2, w.gazette().id);
            ps.setLong(3, claim);
            ps.setString(4, action);
            ps.executeUpdate();
        }
    }
}
