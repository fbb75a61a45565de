package dev.credence.annotation.schema;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import dev.credence.project.Project;
import dev.credence.source.SourceType;
import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and changes a project's label schema. A value that stored annotations use is never dropped by a
 * replacement: that is refused with the count of uses, and {@link #rename} or {@link #merge} rewrite the
 * stored values and the schema in one transaction, with one history entry.
 */
@ApplicationScoped
public class LabelSchemaService {
    public static final String HISTORY_TYPE = "label_schema";
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    /** Keys the document page uses for its own commands (credence.js); stance keys are pressed with Shift. */
    static final Set<String> RESERVED_KEYS = Set.of("c", "s", "u", "j", "k", "e", "x");
    static final int MAX_VALUES = 50;

    @Inject
    EntityManager em;
    @Inject
    HistoryService history;

    @Inject
    SchemaMemo memo;

    public LabelSchema of(Project project) {
        if (project != null && project.id != null && Arc.container().requestContext().isActive()) {
            LabelSchema known = memo.get(project.id);
            if (known == null) {
                known = load(project);
                memo.put(project.id, known);
            }
            return known;
        }
        return load(project);
    }

    /** Drops the request's remembered schema of the project (before and after a write). */
    private void forget(Project project) {
        if (project != null && project.id != null && Arc.container().requestContext().isActive()) {
            memo.remove(project.id);
        }
    }

    private LabelSchema load(Project project) {
        Map<LabelField, List<LabelValue.Def>> fields = new EnumMap<>(LabelField.class);
        for (LabelValue v : LabelValue.<LabelValue>list("project = ?1 order by field, position", project)) {
            fields.computeIfAbsent(v.field, f -> new ArrayList<>()).add(v.def());
        }
        return new LabelSchema(fields);
    }

    /** Replaces the fields the input names; refused (409) if a dropped value is in use. */
    @Transactional
    public LabelSchema replace(Project project, User user, SchemaInput in) {
        if (in == null) {
            throw new UnprocessableException("schema: body required, e.g. {\"kind\":[{\"name\":\"event\",\"key\":\"v\"}]}");
        }
        forget(project);
        LabelSchema before = load(project);
        Map<LabelField, List<LabelValue.Def>> next = new EnumMap<>(before.fields());
        for (LabelField f : LabelField.values()) {
            if (in.of(f) != null) {
                next.put(f, validate(f, in.of(f)));
            }
        }
        for (LabelField f : LabelField.values()) {
            Set<String> kept = new HashSet<>();
            next.get(f).forEach(d -> kept.add(d.name()));
            for (String old : before.names(f)) {
                long uses = kept.contains(old) ? 0 : uses(project, f, old);
                if (uses > 0) {
                    throw new ConflictException(f.name() + ": '" + old + "' is used by " + uses + " " + f.usedBy()
                            + " in this project; it cannot be deleted. "
                            + (f == LabelField.sourceType ? "Source types are shared by the registry: keep it."
                                    : "Rename it or merge it into another value instead."));
                }
            }
        }
        LabelSchema after = new LabelSchema(next);
        store(project, after);
        history.record(user, project.id, null, HISTORY_TYPE, project.id, ChangeAction.update, snapshot(before),
                snapshot(after));
        return after;
    }

    /** Renames a value: the schema and every stored use in the project, in one transaction. */
    @Transactional
    public long rename(Project project, User user, String fieldName, String from, String to) {
        LabelField f = rewritable(fieldName);
        forget(project);
        LabelSchema before = load(project);
        requireValue(before, f, "from", from);
        if (to == null || !NAME.matcher(to).matches()) {
            throw new UnprocessableException("to: '" + to + "' must be 1–32 lower-case letters, digits or '_', "
                    + "starting with a letter");
        }
        if (before.has(f, to)) {
            throw new UnprocessableException("to: '" + to + "' is already one of " + before.names(f)
                    + "; merge into it instead");
        }
        List<LabelValue.Def> values = new ArrayList<>();
        for (LabelValue.Def d : before.values(f)) {
            boolean renamed = d.name().equals(from);
            boolean defaultLabel = d.label().equals(from.replace('_', ' '));
            values.add(!renamed ? d
                    : new LabelValue.Def(to, defaultLabel ? to.replace('_', ' ') : d.label(), d.key(), d.colour()));
        }
        return rewrite(project, user, before, f, values, from, to, ChangeAction.update);
    }

    /** Merges {@code from} into {@code into}: its uses take {@code into}'s name, and {@code from} leaves the schema. */
    @Transactional
    public long merge(Project project, User user, String fieldName, String from, String into) {
        LabelField f = rewritable(fieldName);
        forget(project);
        LabelSchema before = load(project);
        requireValue(before, f, "from", from);
        requireValue(before, f, "into", into);
        if (from.equals(into)) {
            throw new UnprocessableException("into: a value cannot be merged into itself");
        }
        List<LabelValue.Def> values = new ArrayList<>(before.values(f));
        values.removeIf(d -> d.name().equals(from));
        return rewrite(project, user, before, f, values, from, into, ChangeAction.merge);
    }

    /** How many annotations of the project use the value. */
    public long uses(Project project, LabelField field, String name) {
        return switch (field) {
            case kind -> count("select count(c) from Claim c where c.kind = ?1 and c.layer.document.project = ?2",
                    name, project);
            case stance -> count("select count(c) from Claim c where c.stance = ?1 and c.layer.document.project = ?2",
                    name, project);
            case cueClass -> count(
                    "select count(c) from Cue c where c.cueClass = ?1 and c.layer.document.project = ?2", name, project);
            case relation -> count("select count(h) from AttributionHop h where h.relation = ?1"
                    + " and h.claim.layer.document.project = ?2", name, project);
            case sourceType -> {
                SourceType t = SourceType.parse(name);
                yield t == null ? 0 : count("select count(h) from AttributionHop h where h.source.type = ?1"
                        + " and h.claim.layer.document.project = ?2", t, project);
            }
        };
    }

    /** The uses of every value of every field, for the settings page. */
    public Map<LabelField, Map<String, Long>> usage(Project project, LabelSchema schema) {
        Map<LabelField, Map<String, Long>> out = new EnumMap<>(LabelField.class);
        for (LabelField f : LabelField.values()) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String n : schema.names(f)) {
                m.put(n, uses(project, f, n));
            }
            out.put(f, m);
        }
        return out;
    }

    private long rewrite(Project project, User user, LabelSchema before, LabelField f, List<LabelValue.Def> values,
            String from, String to, ChangeAction action) {
        String jpql = switch (f) {
            case kind -> "update Claim c set c.kind = ?1 where c.kind = ?2 and c.layer in "
                    + "(select l from Layer l where l.document.project = ?3)";
            case stance -> "update Claim c set c.stance = ?1 where c.stance = ?2 and c.layer in "
                    + "(select l from Layer l where l.document.project = ?3)";
            case cueClass -> "update Cue c set c.cueClass = ?1 where c.cueClass = ?2 and c.layer in "
                    + "(select l from Layer l where l.document.project = ?3)";
            case relation -> "update AttributionHop h set h.relation = ?1 where h.relation = ?2 and h.claim in "
                    + "(select c from Claim c where c.layer.document.project = ?3)";
            case sourceType -> throw new IllegalStateException("source types are not rewritten");
        };
        em.flush();
        int changed = em.createQuery(jpql).setParameter(1, to).setParameter(2, from).setParameter(3, project)
                .executeUpdate();
        em.clear();
        Project p = em.find(Project.class, project.id);
        Map<LabelField, List<LabelValue.Def>> next = new EnumMap<>(before.fields());
        next.put(f, values);
        LabelSchema after = new LabelSchema(next);
        store(p, after);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("field", f.name());
        what.put("from", from);
        what.put(action == ChangeAction.merge ? "into" : "to", to);
        what.put("rewritten", changed);
        Map<String, Object> beforeSnap = snapshot(before);
        Map<String, Object> afterSnap = snapshot(after);
        afterSnap.put("change", what);
        history.record(user, p.id, null, HISTORY_TYPE, p.id, action, beforeSnap, afterSnap);
        return changed;
    }

    private void store(Project project, LabelSchema schema) {
        LabelValue.delete("project", project);
        em.flush(); // the unique keys must see the old rows gone before the new ones arrive
        for (LabelField f : LabelField.values()) {
            int i = 0;
            for (LabelValue.Def d : schema.values(f)) {
                LabelValue v = new LabelValue();
                v.project = project;
                v.field = f;
                v.position = i++;
                v.name = d.name();
                v.label = d.label();
                v.hotkey = d.key();
                v.colour = d.colour();
                v.persist();
            }
        }
    }

    /** Checks one field's values: names, labels, keys (one character, unique in the field), colours. */
    static List<LabelValue.Def> validate(LabelField f, List<SchemaInput.Value> in) {
        if (in.isEmpty()) {
            throw new UnprocessableException(f.name() + ": at least one value is needed");
        }
        if (in.size() > MAX_VALUES) {
            throw new UnprocessableException(f.name() + ": at most " + MAX_VALUES + " values");
        }
        Set<String> names = new HashSet<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<LabelValue.Def> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            SchemaInput.Value v = in.get(i);
            String where = f.name() + "[" + i + "]";
            if (v == null) {
                throw new UnprocessableException(where + ": must be an object");
            }
            String name = v.name() == null ? "" : v.name().strip();
            if (!NAME.matcher(name).matches()) {
                throw new UnprocessableException(where + ".name: '" + name + "' must be 1–32 lower-case letters, "
                        + "digits or '_', starting with a letter");
            }
            if (f == LabelField.sourceType && SourceType.parse(name) == null) {
                throw new UnprocessableException(where + ".name: '" + name + "' is not a registry source type; "
                        + "source types are shared across projects, so a project chooses among "
                        + List.of(SourceType.values()) + " and sets their labels, keys and colours");
            }
            if (!names.add(name)) {
                throw new UnprocessableException(where + ".name: '" + name + "' appears twice");
            }
            String label = v.label() == null || v.label().isBlank() ? name.replace('_', ' ') : v.label().strip();
            if (label.length() > 64) {
                throw new UnprocessableException(where + ".label: at most 64 characters");
            }
            String key = v.key() == null || v.key().isBlank() ? null : v.key().strip().toLowerCase(Locale.ROOT);
            if (key != null) {
                if (!key.matches("[a-z]")) {
                    throw new UnprocessableException(where + ".key: '" + v.key() + "' must be one letter a–z "
                            + "(digits set the credibility)");
                }
                if (f != LabelField.stance && RESERVED_KEYS.contains(key)) {
                    throw new UnprocessableException(where + ".key: '" + key + "' is one of the document page's own "
                            + "keys " + RESERVED_KEYS.stream().sorted().toList());
                }
                String taken = keys.putIfAbsent(key, name);
                if (taken != null) {
                    throw new UnprocessableException(where + ".key: '" + key + "' is already the key of '" + taken
                            + "' (keys are unique within " + f.title().toLowerCase(Locale.ROOT) + ")");
                }
            }
            String colour = v.colour() == null || v.colour().isBlank() ? "#57606a"
                    : v.colour().strip().toLowerCase(Locale.ROOT);
            if (!COLOUR.matcher(colour).matches()) {
                throw new UnprocessableException(where + ".colour: '" + v.colour() + "' must be #rrggbb");
            }
            out.add(new LabelValue.Def(name, label, key, colour));
        }
        return out;
    }

    private static LabelField rewritable(String fieldName) {
        LabelField f = LabelField.parse(fieldName);
        if (f == null) {
            throw new UnprocessableException("field: '" + fieldName + "' is not one of "
                    + List.of(LabelField.values()));
        }
        if (f == LabelField.sourceType) {
            throw new UnprocessableException("field: source types are shared by the registry across projects and "
                    + "cannot be renamed or merged in one project; change their label instead");
        }
        return f;
    }

    private static void requireValue(LabelSchema schema, LabelField f, String where, String value) {
        if (value == null || !schema.has(f, value)) {
            throw new UnprocessableException(where + ": '" + value + "' is not one of " + schema.names(f));
        }
    }

    private long count(String jpql, Object value, Project project) {
        return em.createQuery(jpql, Long.class).setParameter(1, value).setParameter(2, project).getSingleResult();
    }

    static Map<String, Object> snapshot(LabelSchema schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (LabelField f : LabelField.values()) {
            out.put(f.name(), schema.values(f));
        }
        return out;
    }
}
