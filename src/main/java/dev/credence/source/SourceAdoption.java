package dev.credence.source;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry side of a project restore (exchange/backup): archived entries merged into the shared registry by name. */
@ApplicationScoped
public class SourceAdoption {
    @Inject
    SourceService registry;
    @Inject
    SourceHistory history;

    /** What a project restore did with one archived registry entry. */
    public record Adopted(Source source, boolean created, List<String> droppedAliases) {
    }

    /**
     * For a project restore (exchange/backup): the registry is shared, so an archived entry is merged by name. The
     * source whose name or alias has the same key ({@link SourceNames#key}) as {@code input.name()} is used as it is
     * (its fields, aliases and parent stay what other projects see); otherwise a new entry is created with the
     * archived fields and {@code createdAt}, without the aliases that already name another source (returned as
     * dropped). Parents are set afterwards ({@link #adoptParent}). Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Adopted adopt(SourceInput input, Instant createdAt, User creator) {
        registry.lockRegistry();
        Optional<Source> found = registry.findByNameOrAlias(input.name());
        if (found.isPresent()) {
            return new Adopted(found.get(), false, List.of());
        }
        List<String> free = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String alias : SourceInput.cleanAliases(input.aliases(), SourceNames.clean(input.name()))) {
            (registry.findByNameOrAlias(alias).isPresent() ? dropped : free).add(alias);
        }
        Source s = new Source();
        s.createdBy = creator;
        s.createdAt = createdAt;
        registry.apply(s, new SourceInput(input.name(), input.type(), input.country(), null, null, input.url(), input.sameAs(),
                input.description(), free));
        s.persist();
        registry.replaceAliases(s, free);
        registry.syncKeys(s);
        history.source(creator, s, ChangeAction.create, null);
        return new Adopted(s, true, dropped);
    }

    /** Sets the parent of a source a restore created; refused (false) if that would make a cycle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean adoptParent(Source child, Source parent) {
        if (SourceService.isSelfOrDescendant(parent, child)) {
            return false;
        }
        child.parent = parent;
        return true;
    }
}
