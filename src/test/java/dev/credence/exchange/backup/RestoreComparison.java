package dev.credence.exchange.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credence.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a restore must keep besides the native export, read from the database (ids kept, for mapping through what
 * {@link IdMapping} learnt from the exports), and the row-by-row comparison of two projects.
 */
@ApplicationScoped
public class RestoreComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** What must survive a restore besides the export, read from the database with ids kept for mapping. */
    record Snapshot(long projectId, String export, String schema, List<Object[]> project, List<Object[]> members,
            List<Object[]> layers, List<Object[]> claims, List<Object[]> spans, List<Object[]> grades,
            List<Object[]> revisions, List<Object[]> comments, List<Object[]> history, List<Object[]> suggestions,
            List<Object[]> models, List<Object[]> links) {
    }

    Snapshot snapshot(String token, long projectId) {
        String export = BackupApiTest.export(token, projectId);
        String schema = dev.credence.TestData.api(token).get("/api/v1/projects/" + projectId + "/schema").then()
                .statusCode(200).extract().asString();
        return QuarkusTransaction.requiringNew().call(() -> new Snapshot(projectId, export, schema,
                rows("select p.name, p.description, p.guidelines, p.reviewersPerDocument, p.version, p.createdAt,"
                        + " p.createdBy.username from Project p where p.id = ?1", projectId),
                rows("select m.user.username, m.role from Membership m where m.project.id = ?1 order by m.user.username",
                        projectId),
                rows("select l.id, l.state, l.version, l.updatedAt from Layer l where l.document.project.id = ?1"
                        + " order by l.id", projectId),
                rows("select c.id, c.version, c.createdAt, c.updatedAt from Claim c where c.layer.document.project.id = ?1"
                        + " order by c.id", projectId),
                rows("select m.id, m.createdAt from Mention m where m.layer.document.project.id = ?1 order by m.id",
                        projectId),
                rows("select g.source.name, g.grade, g.rationale, g.gradedBy.username, g.gradedAt from SourceGrade g"
                        + " where g.project.id = ?1 order by g.id", projectId),
                rows("select r.document.title, r.revision, r.text, r.textSha256, r.lengthCp, r.createdBy.username,"
                        + " r.createdAt, r.document.revision from DocumentRevision r where r.document.project.id = ?1"
                        + " order by r.id", projectId),
                rows("select c.claim.id, c.parent.id, c.author.username, c.body, c.createdAt, c.id from ClaimComment c"
                        + " where c.claim.layer.document.project.id = ?1 order by c.id", projectId),
                rows("select e.changedAt, e.userId, e.username, e.documentId, e.entityType, e.entityId, e.action,"
                        + " e.before, e.after from ChangeLogEntry e where e.projectId = ?1 order by e.id", projectId),
                rows("select s.layer.id, s.claimId, s.hopsJson, s.documentRevision, s.claimStart, s.claimEnd, s.claimExact,"
                        + " s.cueStart, s.cueEnd, s.cueExact, s.cueClass, s.sourceStart, s.sourceEnd, s.sourceExact,"
                        + " s.sourceName, s.registrySource.name, s.sourceType, s.features, s.score, s.model, s.state,"
                        + " s.decidedAt, s.createdAt from dev.credence.suggest.Suggestion s"
                        + " where s.layer.document.project.id = ?1 order by s.id", projectId),
                rows("select m.name, m.modelData, m.trainedAt, m.trainingEvents, m.trainingDocuments, m.heldoutDocuments,"
                        + " m.qualityJson from dev.credence.suggest.SuggestionModel m where m.project.id = ?1 order by m.id",
                        projectId),
                rows("select l.claim.id, l.target.id, l.relation, l.origin, l.note, l.createdBy.username, l.createdAt"
                        + " from dev.credence.corroboration.ClaimLink l where l.project.id = ?1 order by l.id", projectId)));
    }

    private List<Object[]> rows(String jpql, long projectId) {
        List<Object[]> out = new ArrayList<>();
        for (Object row : em.createQuery(jpql).setParameter(1, projectId).getResultList()) {
            out.add(row instanceof Object[] a ? a : new Object[] { row });
        }
        return out;
    }

    /** Everything but the export, compared row by row with ids mapped through what the export comparison learnt. */
    void assertSameRest(Snapshot a, Snapshot b, IdMapping ids) throws Exception {
        Object[] pa = a.project.get(0).clone();
        Object[] pb = b.project.get(0);
        pa[0] = pb[0]; // the name may carry " (restored)"
        assertEquals(Arrays.asList(pa), Arrays.asList(pb), "project settings");
        assertRows(a.members, b.members, "members");
        assertMapped(a.layers, b.layers, ids.of("layer"), "layers: state, version, updatedAt");
        assertMapped(a.claims, b.claims, ids.of("claim"), "claims: version, createdAt, updatedAt");
        assertMapped(a.spans, b.spans, ids.of("mention"), "mentions");
        assertRows(a.grades, b.grades, "reliability history");
        assertRows(a.revisions, b.revisions, "document revisions");
        assertEquals(JSON.readTree(a.schema), JSON.readTree(b.schema), "label schema (values, keys, colours, uses)");
        assertTrue(a.schema.contains("rumour") && a.schema.contains("guarded"), "the fixture's schema is its own");

        assertEquals(3, a.suggestions.size(), "a suggestion in each state");
        assertEquals(a.suggestions.size(), b.suggestions.size(), "suggestions");
        for (int i = 0; i < a.suggestions.size(); i++) {
            Object[] sa = a.suggestions.get(i);
            Object[] sb = b.suggestions.get(i);
            assertEquals(ids.of("layer").get(sa[0]), sb[0], "suggestion " + i + " layer");
            assertEquals(sa[1] == null ? null : ids.of("claim").get(sa[1]), sb[1], "suggestion " + i + " claim");
            assertEquals(String.valueOf(remapped((String) sa[2], ids)), String.valueOf(tree((String) sb[2])),
                    "suggestion " + i + " hops");
            assertEquals(Arrays.asList(sa).subList(3, sa.length), Arrays.asList(sb).subList(3, sb.length),
                    "suggestion " + i);
        }
        assertEquals(1, a.models.size(), "the project's model");
        assertRows(a.models, b.models, "suggestion models");

        assertEquals(1, a.links.size(), "the fixture's claim link");
        assertEquals(a.links.size(), b.links.size(), "claim links");
        for (int i = 0; i < a.links.size(); i++) {
            Object[] la = a.links.get(i);
            Object[] lb = b.links.get(i);
            assertEquals(ids.of("claim").get(la[0]), lb[0], "link " + i + " claim");
            assertEquals(ids.of("claim").get(la[1]), lb[1], "link " + i + " target");
            assertEquals(Arrays.asList(la).subList(2, la.length), Arrays.asList(lb).subList(2, lb.length), "link " + i);
        }

        assertEquals(2, a.comments.size());
        assertEquals(a.comments.size(), b.comments.size(), "comments");
        for (int i = 0; i < a.comments.size(); i++) {
            Object[] ca = a.comments.get(i);
            Object[] cb = b.comments.get(i);
            assertEquals(ids.of("claim").get(ca[0]), cb[0], "comment " + i + " claim");
            assertEquals(ca[1] == null ? null : b.comments.get(indexOf(a.comments, ca[1]))[5], cb[1], "comment " + i + " parent");
            assertEquals(Arrays.asList(ca).subList(2, 5), Arrays.asList(cb).subList(2, 5), "comment " + i);
        }

        assertTrue(a.history.size() >= 12, "history: " + a.history.size());
        assertEquals(a.history.size(), b.history.size(), "history entries");
        for (int i = 0; i < a.history.size(); i++) {
            Object[] ha = a.history.get(i);
            Object[] hb = b.history.get(i);
            String where = "history " + i + " (" + ha[4] + " " + ha[6] + ")";
            assertEquals(ha[0], hb[0], where + " changedAt");
            assertEquals(ha[2], hb[2], where + " username");
            assertEquals(userId((String) hb[2]), hb[1], where + " userId is the restored user's");
            assertEquals(ids.of("document").get(ha[3]), hb[3], where + " document");
            assertEquals(ha[4], hb[4], where);
            assertEquals(ha[6], hb[6], where);
            long entity = (Long) ha[5];
            Map<Long, Long> map = ids.of((String) ha[4]);
            if (ha[4].equals("label_schema")) {
                assertEquals(a.projectId, entity, where + ": the schema's entry names its project");
                assertEquals(b.projectId, hb[5], where + ": the restored project");
            } else if (map.containsKey(entity)) {
                assertEquals(map.get(entity), hb[5], where + " entity");
            } else if (ha[4].equals("source_grade")) {
                assertTrue((Long) hb[5] > 0, where + " grade");
            } else {
                assertEquals(-entity, hb[5], where + ": a deleted entity's id becomes negative");
            }
            // As text: a mapped id is a long node, a parsed one an int node, and JsonNode.equals tells them apart.
            assertEquals(String.valueOf(remapped((String) ha[7], ids)), String.valueOf(tree((String) hb[7])), where + " before");
            assertEquals(String.valueOf(remapped((String) ha[8], ids)), String.valueOf(tree((String) hb[8])), where + " after");
        }
        assertTrue(a.history.stream().anyMatch(h -> h[6].toString().equals("delete")), "a deleted claim is in the history");
        for (String type : List.of("document", "label_schema", "claim_link")) {
            assertTrue(a.history.stream().anyMatch(h -> h[4].equals(type)), "the history has " + type + " entries");
        }
    }

    private Long userId(String username) {
        return username == null ? null
                : QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().id);
    }

    private static int indexOf(List<Object[]> comments, Object id) {
        for (int i = 0; i < comments.size(); i++) {
            if (comments.get(i)[5].equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no comment " + id);
    }

    private static void assertRows(List<Object[]> a, List<Object[]> b, String what) {
        assertEquals(a.stream().map(Arrays::asList).toList(), b.stream().map(Arrays::asList).toList(), what);
    }

    /** Rows whose first column is an id: mapped, then the rest equal. */
    private static void assertMapped(List<Object[]> a, List<Object[]> b, Map<Long, Long> ids, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(ids.get(a.get(i)[0]), b.get(i)[0], what + " row " + i + " id");
            assertEquals(Arrays.asList(a.get(i)).subList(1, a.get(i).length),
                    Arrays.asList(b.get(i)).subList(1, b.get(i).length), what + " row " + i);
        }
    }

    private static JsonNode tree(String json) throws Exception {
        return json == null ? null : JSON.readTree(json);
    }

    /** The original snapshot with its sourceId/mentionId/cueId mapped as the restore documents it. */
    private static JsonNode remapped(String json, IdMapping ids) throws Exception {
        JsonNode node = tree(json);
        if (node != null) {
            remap(node, ids);
        }
        return node;
    }

    private static void remap(JsonNode node, IdMapping ids) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                String kind = switch (f) {
                    case "sourceId", "registrySourceId" -> "source";
                    case "mentionId" -> "mention";
                    case "cueId" -> "cue";
                    default -> null;
                };
                if (kind != null && o.get(f).isIntegralNumber()) {
                    long old = o.get(f).asLong();
                    Long mapped = ids.of(kind).get(old);
                    if (mapped != null) {
                        o.put(f, mapped);
                    } else if (kind.equals("source")) {
                        o.putNull(f);
                    } else {
                        o.put(f, -old);
                    }
                } else {
                    remap(o.get(f), ids);
                }
            }
        } else if (node != null && node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                remap(it.next(), ids);
            }
        }
    }
}
