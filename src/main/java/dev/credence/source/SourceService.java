package dev.credence.source;

import dev.credence.account.User;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shared source registry: lookup by name or alias, creation with validation. */
@ApplicationScoped
public class SourceService {
    public static final String GRADES = "ABCDEF";

    /** A source whose name or one of whose aliases equals {@code name}, ignoring case. */
    public Optional<Source> findByNameOrAlias(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        Optional<Source> byName = Source.find("lower(name) = ?1 order by id", n).firstResultOptional();
        if (byName.isPresent()) {
            return byName;
        }
        return SourceAlias.<SourceAlias>find("lower(alias) = ?1 order by id", n).firstResultOptional().map(a -> a.source);
    }

    /** The registry entry with this name or alias, or a new one of the given type. 422 on a blank name or unknown type. */
    @Transactional
    public Source findOrCreate(String name, String type, User creator) {
        return findByNameOrAlias(name).orElseGet(() -> create(name, type, List.of(), creator));
    }

    @Transactional
    public Source create(String name, String type, List<String> aliases, User creator) {
        if (name == null || name.isBlank()) {
            throw new UnprocessableException("source name: required");
        }
        if (name.strip().length() > 300) {
            throw new UnprocessableException("source name: at most 300 characters");
        }
        SourceType parsed = SourceType.parse(type);
        if (parsed == null) {
            throw new UnprocessableException("source type: '" + type + "' is not one of " + List.of(SourceType.values()));
        }
        Source s = new Source();
        s.name = name.strip();
        s.type = parsed;
        s.createdBy = creator == null ? null : User.findById(creator.id);
        s.createdAt = Instant.now();
        s.persist();
        if (aliases != null) {
            for (String alias : aliases) {
                if (alias != null && !alias.isBlank() && !alias.strip().equalsIgnoreCase(s.name)) {
                    SourceAlias a = new SourceAlias();
                    a.source = s;
                    a.alias = alias.strip();
                    a.persist();
                    s.aliases.add(a);
                }
            }
        }
        return s;
    }

    /** Validates a reliability grade: null/blank stays null, otherwise one of A–F (case-insensitive); 422 else. */
    public static String reliability(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        String g = grade.strip().toUpperCase(Locale.ROOT);
        if (g.length() != 1 || GRADES.indexOf(g.charAt(0)) < 0) {
            throw new UnprocessableException("reliability: '" + grade + "' is not one of A, B, C, D, E, F");
        }
        return g;
    }
}
