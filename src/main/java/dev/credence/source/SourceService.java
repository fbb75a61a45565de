package dev.credence.source;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared source registry: lookup by name or alias, creation and editing with validation,
 * and the look-ups the registry pages need. Searching the registry is {@link SourceSearch}; what projects say
 * about a source (reliability grades) is {@link SourceGrades}; merging a restored project's entries is
 * {@link SourceAdoption}; the claims attributed to a source are {@link AttributedClaims}.
 *
 * <p>Visibility: the registry entry itself is shared by everyone logged in. Grades are visible to
 * members of the grading project. Attributed claims are visible to members of the document's
 * project, and, to keep review blind, a reviewer sees only their own layers and gold layers;
 * managers and adjudicators see every layer of their projects.
 */
@ApplicationScoped
public class SourceService {

    @Inject
    EntityManager em;
    @Inject
    SourceHistory history;

    /** A source whose name or one of whose aliases is the same name ({@link SourceNames#key}) as {@code name}. */
    public Optional<Source> findByNameOrAlias(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select k.source from SourceKey k where k.nameKey = ?1", Source.class)
                .setParameter(1, SourceNames.key(name)).getResultStream().findFirst();
    }

    /**
     * The sources any of these names or aliases name, by {@link SourceNames#key}, in one query (a claim's
     * chain names several): names without a source are absent from the map.
     */
    public Map<String, Source> findByNamesOrAliases(java.util.Collection<String> names) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                keys.add(SourceNames.key(n));
            }
        }
        Map<String, Source> found = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // One positional parameter per name, not one list parameter: Hibernate caches the SQL of a query
        // string, but translates a list-valued parameter anew on every call (a third of this look-up's CPU).
        List<String> ordered = new ArrayList<>(keys);
        StringBuilder jpql = new StringBuilder("select k from SourceKey k join fetch k.source where k.nameKey in (");
        for (int i = 1; i <= ordered.size(); i++) {
            jpql.append(i == 1 ? "?" : ", ?").append(i);
        }
        var query = em.createQuery(jpql.append(')').toString(), SourceKey.class);
        for (int i = 0; i < ordered.size(); i++) {
            query.setParameter(i + 1, ordered.get(i));
        }
        for (SourceKey k : query.getResultList()) {
            found.put(k.nameKey, k.source);
        }
        return found;
    }

    /**
     * The registry entry with this name or alias, or a new one of the given type. 422 on a blank name or unknown type.
     *
     * <p>Race-free: when the name is not found, the registry lock is taken and the look-up repeated, so of two
     * saves naming a new source at once, one creates it and the other waits a moment and links the same entry.
     * Runs in the caller's transaction (a claim save): if the save fails, the new entry rolls back with it.
     */
    @Transactional
    public Source findOrCreate(String name, String type, User creator) {
        Optional<Source> found = findByNameOrAlias(name);
        if (found.isPresent()) {
            return found.get();
        }
        lockRegistry();
        return findByNameOrAlias(name).orElseGet(() -> create(name, type, List.of(), creator));
    }

    /**
     * Serialises writers of registry names and aliases until the caller's transaction ends: a row lock
     * ({@code select ... for update}), the same on H2 and PostgreSQL and across instances. Taken after any
     * project lock (claim saves lock the project first), never before one, so the two cannot deadlock.
     * The unique constraint on {@code source_key.name_key} stays the last word should anything bypass it.
     */
    void lockRegistry() {
        em.createNativeQuery("select id from source_registry_lock where id = 1 for update").getResultList();
    }

    @Transactional
    public Source create(String name, String type, List<String> aliases, User creator) {
        if (name == null || name.isBlank()) {
            throw new UnprocessableException("source name: required");
        }
        String clean = SourceNames.clean(name);
        if (clean.length() > 300) {
            throw new UnprocessableException("source name: at most 300 characters");
        }
        SourceType parsed = SourceType.parse(type);
        if (parsed == null) {
            throw new UnprocessableException("source type: '" + type + "' is not one of " + List.of(SourceType.values()));
        }
        lockRegistry();
        List<String> cleanAliases = SourceInput.cleanAliases(aliases, clean);
        requireUnique(clean, null);
        for (String alias : cleanAliases) {
            requireUnique(alias, null);
        }
        Source s = new Source();
        s.name = clean;
        s.type = parsed;
        s.createdBy = creator == null ? null : User.findById(creator.id);
        s.createdAt = Instant.now();
        s.persist();
        for (String alias : cleanAliases) {
            SourceAlias a = new SourceAlias();
            a.source = s;
            a.alias = alias;
            a.persist();
            s.aliases.add(a);
        }
        syncKeys(s);
        history.source(creator, s, ChangeAction.create, null);
        return s;
    }

    /** Creates a registry entry with all its shared fields; 409 if the name or an alias already names a source, 422 on bad input. */
    @Transactional
    public Source create(SourceInput input, User creator) {
        Source s = new Source();
        s.createdBy = creator == null ? null : User.findById(creator.id);
        s.createdAt = Instant.now();
        lockRegistry();
        apply(s, input);
        s.persist();
        replaceAliases(s, input.aliases());
        syncKeys(s);
        history.source(creator, s, ChangeAction.create, null);
        return s;
    }

    /** Replaces the shared fields and aliases of a source; same checks as {@link #create(SourceInput, User)}. */
    @Transactional
    public Source update(Long id, SourceInput input) {
        Source s = requireSource(id);
        var before = SourceHistory.snapshot(s);
        lockRegistry();
        apply(s, input);
        replaceAliases(s, input.aliases());
        syncKeys(s);
        history.source(null, s, ChangeAction.update, before);
        return s;
    }

    /** A hop's reliability grade checked as {@link SourceGrades#reliability} does (annotation's claim form calls this). */
    public static String reliability(String grade) {
        return SourceGrades.reliability(grade);
    }

    /** The source, or 404. */
    public Source requireSource(Long id) {
        Source s = id == null ? null : Source.findById(id);
        if (s == null) {
            throw new jakarta.ws.rs.NotFoundException("No source " + id);
        }
        return s;
    }

    void apply(Source s, SourceInput in) {
        if (in == null) {
            throw new jakarta.ws.rs.BadRequestException("A source needs at least a name and a type");
        }
        if (in.name() == null || in.name().isBlank()) {
            throw new UnprocessableException("name: required");
        }
        String name = SourceNames.clean(in.name());
        if (name.length() > 300) {
            throw new UnprocessableException("name: at most 300 characters");
        }
        SourceType type = SourceType.parse(in.type());
        if (type == null) {
            throw new UnprocessableException(in.type() == null || in.type().isBlank() ? "type: required"
                    : "type: '" + in.type() + "' is not one of " + List.of(SourceType.values()));
        }
        String country = SourceInput.optional("country", in.country(), 100);
        String url = SourceInput.webUrl("url", in.url());
        String sameAs = SourceInput.webUrl("sameAs", in.sameAs());
        String description = SourceInput.optional("description", in.description(), 4000);
        List<String> aliases = SourceInput.cleanAliases(in.aliases(), name);
        for (String alias : aliases) {
            if (alias.length() > 300) {
                throw new UnprocessableException("aliases: '" + alias.substring(0, 40) + "…' is longer than 300 characters");
            }
        }
        Source parent = parent(in);
        if (parent != null && s.id != null && isSelfOrDescendant(parent, s)) {
            throw new UnprocessableException("parent: " + parent.name + " is " + s.name + " or one of its children");
        }
        requireUnique(name, s);
        for (String alias : aliases) {
            requireUnique(alias, s);
        }
        s.name = name;
        s.type = type;
        s.country = country;
        s.parent = parent;
        s.url = url;
        s.sameAs = sameAs;
        s.description = description;
    }

    private Source parent(SourceInput in) {
        if (in.parentId() != null) {
            Source p = Source.findById(in.parentId());
            if (p == null) {
                throw new UnprocessableException("parentId: no source " + in.parentId());
            }
            return p;
        }
        if (in.parentName() != null && !in.parentName().isBlank()) {
            return findByNameOrAlias(in.parentName())
                    .orElseThrow(() -> new UnprocessableException("parent: no source named '" + in.parentName().strip()
                            + "' in the registry; create it first"));
        }
        return null;
    }

    /** Walks up from {@code candidate}: a source may not become its own ancestor. */
    static boolean isSelfOrDescendant(Source candidate, Source s) {
        Set<Long> seen = new HashSet<>();
        for (Source p = candidate; p != null && seen.add(p.id); p = p.parent) {
            if (p.id.equals(s.id)) {
                return true;
            }
        }
        return false;
    }

    /** 409 if {@code nameOrAlias} is already a name or alias of a source other than {@code self}. Call under the registry lock. */
    private void requireUnique(String nameOrAlias, Source self) {
        findByNameOrAlias(nameOrAlias)
                .filter(existing -> self == null || self.id == null || !existing.id.equals(self.id))
                .ifPresent(existing -> {
                    throw new DuplicateSourceException(nameOrAlias, existing);
                });
    }

    void replaceAliases(Source s, List<String> wanted) {
        List<String> clean = SourceInput.cleanAliases(wanted, s.name);
        Map<String, SourceAlias> current = new HashMap<>();
        for (SourceAlias a : s.aliases) {
            current.put(SourceNames.key(a.alias), a);
        }
        Set<String> keep = new HashSet<>();
        for (String alias : clean) {
            String key = SourceNames.key(alias);
            keep.add(key);
            SourceAlias existing = current.get(key);
            if (existing != null) {
                existing.alias = alias;
            } else {
                SourceAlias a = new SourceAlias();
                a.source = s;
                a.alias = alias;
                a.persist();
                s.aliases.add(a);
            }
        }
        s.aliases.removeIf(a -> !keep.contains(SourceNames.key(a.alias)));
    }

    /**
     * Makes the source's rows in {@code source_key} its name and aliases: removes keys it no longer has
     * (flushed first, so a key moving between name and alias never meets itself), adds the new ones.
     */
    void syncKeys(Source s) {
        Set<String> wanted = new java.util.LinkedHashSet<>();
        wanted.add(SourceNames.key(s.name));
        s.aliases.forEach(a -> wanted.add(SourceNames.key(a.alias)));
        List<SourceKey> existing = s.id == null ? List.of() : SourceKey.list("source", s);
        Set<String> have = new HashSet<>();
        boolean removed = false;
        for (SourceKey k : existing) {
            if (wanted.contains(k.nameKey)) {
                have.add(k.nameKey);
            } else {
                k.delete();
                removed = true;
            }
        }
        if (removed) {
            em.flush();
        }
        for (String key : wanted) {
            if (!have.contains(key)) {
                SourceKey k = new SourceKey();
                k.source = s;
                k.nameKey = key;
                k.persist();
            }
        }
    }

    /** Aliases of one source, by name. */
    public List<String> aliasesOf(Source s) {
        return SourceAlias.<SourceAlias>list("source = ?1 order by lower(alias)", s).stream().map(a -> a.alias).toList();
    }

    /** Sources whose parent is {@code s}, by name. */
    public List<Source> children(Source s) {
        return Source.list("parent = ?1 order by lower(name), id", s);
    }

    /** Names of registry entries for the parent picker (the first {@code max} by name). */
    public List<String> names(int max) {
        return em.createQuery("select s.name from Source s order by lower(s.name)", String.class)
                .setMaxResults(max).getResultList();
    }

}
