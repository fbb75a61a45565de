package dev.credence.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import dev.credence.web.Page;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The change log. Services call {@link #record} inside their own transaction, so a change and its
 * history entry commit (or roll back) together. Snapshots are plain maps/records serialized with
 * Jackson; this package knows nothing of claims or sources.
 */
@ApplicationScoped
public class HistoryService {
    public static final String CLAIM = "claim";
    public static final String MENTION = "mention";
    public static final String CUE = "cue";
    public static final String LAYER = "layer";
    public static final String SOURCE = "source";
    public static final String SOURCE_GRADE = "source_grade";
    public static final String DOCUMENT = "document";

    static final int STREAM_BATCH = 500;
    /** Marks a transaction that has already announced its first entry (see {@link ChangeRecorded}). */
    private static final Object ANNOUNCED = new Object();

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<ChangeRecorded> recorded;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Appends an entry. Must run inside the caller's transaction (MANDATORY): an entry never commits
     * without its change. {@code who} null means the logged-in caller, if any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeLogEntry record(User who, Long projectId, Long documentId, String entityType, Long entityId,
            ChangeAction action, Object before, Object after) {
        User user = who != null ? who : caller();
        ChangeLogEntry e = new ChangeLogEntry();
        e.changedAt = Instant.now();
        e.userId = user == null ? null : user.id;
        e.username = user == null ? null : user.username;
        e.projectId = projectId;
        e.documentId = documentId;
        e.entityType = entityType;
        e.entityId = entityId;
        e.action = action;
        e.before = write(before);
        e.after = write(after);
        e.persist();
        announceOnce(new ChangeRecorded(entityType, entityId, projectId, documentId));
        return e;
    }

    /**
     * Fires the event for the first entry of a transaction only: observers after commit only need to know that
     * something changed (an import of 2,000 articles wrote 2,000 entries and registered 2,000 synchronizations).
     */
    private void announceOnce(ChangeRecorded change) {
        if (transactions.getResource(ANNOUNCED) == null) {
            transactions.putResource(ANNOUNCED, Boolean.TRUE);
            recorded.fire(change);
        }
    }

    // ------------------------------------------------------------------ reads

    /** Every entry about one entity, oldest first. */
    public List<HistoryEntry> ofEntity(String entityType, Long entityId) {
        return ChangeLogEntry.<ChangeLogEntry>list("entityType = ?1 and entityId = ?2 order by changedAt, id",
                entityType, entityId).stream().map(this::withChanges).toList();
    }

    /** One page of a project's history, newest first. */
    public Page<HistoryEntry> page(HistoryFilter filter, int page, int size) {
        TypedQuery<Long> count = em.createQuery("select count(e) from ChangeLogEntry e" + where(filter), Long.class);
        bind(count, filter);
        long total = count.getSingleResult();
        int current = Page.clamp(page, total, size);
        TypedQuery<ChangeLogEntry> q = em.createQuery("select e from ChangeLogEntry e" + where(filter)
                + " order by e.changedAt desc, e.id desc", ChangeLogEntry.class);
        bind(q, filter);
        List<HistoryEntry> items = q.setFirstResult(current * size).setMaxResults(size).getResultList().stream()
                .map(this::withChanges).toList();
        return new Page<>(items, total, current, size);
    }

    /**
     * Hands every matching entry to {@code sink}, oldest first, in keyset batches (id > last) with the
     * persistence context cleared between them, so memory stays flat whatever the size of the log.
     * Call inside a transaction.
     */
    public void each(HistoryFilter filter, Consumer<ChangeLogEntry> sink) {
        long last = 0;
        while (true) {
            TypedQuery<ChangeLogEntry> q = em.createQuery("select e from ChangeLogEntry e" + where(filter)
                    + " and e.id > :last order by e.id", ChangeLogEntry.class);
            bind(q, filter);
            List<ChangeLogEntry> batch = q.setParameter("last", last).setMaxResults(STREAM_BATCH).getResultList();
            for (ChangeLogEntry e : batch) {
                sink.accept(e);
                last = e.id;
            }
            em.clear();
            if (batch.size() < STREAM_BATCH) {
                return;
            }
        }
    }

    /** The entry with the top-level snapshot fields whose values differ. */
    public HistoryEntry withChanges(ChangeLogEntry e) {
        return new HistoryEntry(e, changes(e.before, e.after));
    }

    /** Top-level fields that differ between two JSON snapshots, in the order they appear (after first). */
    public List<FieldChange> changes(String beforeJson, String afterJson) {
        JsonNode before = read(beforeJson);
        JsonNode after = read(afterJson);
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        before.fieldNames().forEachRemaining(fields::add);
        List<FieldChange> out = new ArrayList<>();
        for (String f : fields) {
            JsonNode b = before.path(f);
            JsonNode a = after.path(f);
            if (!Objects.equals(normal(b), normal(a))) {
                out.add(new FieldChange(f, text(b), text(a)));
            }
        }
        return out;
    }

    /** A snapshot value as a person reads it: scalars as themselves, arrays of objects one item per line. */
    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "—";
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(item -> items.add(inline(item)));
            return items.isEmpty() ? "—" : String.join("\n", items);
        }
        return inline(n);
    }

    private static String inline(JsonNode n) {
        if (!n.isObject()) {
            return n.isValueNode() ? n.asText() : n.toString();
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isNull() && !f.getKey().endsWith("Id")) {
                parts.add(f.getKey() + ": " + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue()));
            }
        }
        return String.join(", ", parts);
    }

    private static JsonNode normal(JsonNode n) {
        return n == null || n.isMissingNode() ? NullNode.getInstance() : n;
    }

    // ------------------------------------------------------------------ internals

    private static String where(HistoryFilter f) {
        StringBuilder w = new StringBuilder(" where e.projectId = :project");
        if (f.userId() != null) {
            w.append(" and e.userId = :user");
        }
        if (f.from() != null) {
            w.append(" and e.changedAt >= :from");
        }
        if (f.to() != null) {
            w.append(" and e.changedAt < :to");
        }
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, HistoryFilter f) {
        q.setParameter("project", f.projectId());
        if (f.userId() != null) {
            q.setParameter("user", f.userId());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
    }

    private String write(Object snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history snapshot not serializable", e);
        }
    }

    /** A stored snapshot as a JSON tree (null when absent), for API responses. */
    public JsonNode tree(String snapshot) {
        return snapshot == null ? null : read(snapshot);
    }

    private JsonNode read(String s) {
        if (s == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    /** The logged-in user when there is a request with one (source edits through the registry pages). */
    private static User caller() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentUser cu = Arc.container().instance(CurrentUser.class).get();
        return cu.isLoggedIn() ? cu.get() : null;
    }
}
