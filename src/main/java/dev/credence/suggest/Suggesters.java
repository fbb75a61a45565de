package dev.credence.suggest;

import dev.credence.nlp.EnglishModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Makes a suggester over the registry as it is now (every name and alias, one query); one per run. */
@ApplicationScoped
public class Suggesters {
    @Inject
    EntityManager em;
    @Inject
    EnglishModels models;

    public AttributionSuggester create() {
        List<Object[]> rows = em.createQuery("select k.source.id, k.source.name, k.source.type, k.nameKey from SourceKey k",
                Object[].class).getResultList();
        Map<Long, RegistryNames.Entry> entries = new HashMap<>();
        Map<Long, List<String>> names = new HashMap<>();
        for (Object[] r : rows) {
            Long id = (Long) r[0];
            entries.computeIfAbsent(id, k -> new RegistryNames.Entry(id, (String) r[1],
                    r[2] == null ? null : r[2].toString(), null));
            names.computeIfAbsent(id, k -> new ArrayList<>()).add((String) r[3]);
        }
        AttributionSuggester suggester = new AttributionSuggester(models, null);
        return suggester.withRegistry(suggester.registryOf(List.copyOf(entries.values()), e -> names.get(e.id())));
    }
}
