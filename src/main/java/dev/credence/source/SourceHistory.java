package dev.credence.source;

import dev.credence.account.User;
import dev.credence.history.ChangeAction;
import dev.credence.history.HistoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SourceService} writes to the change log. Registry entries belong to no project
 * (project id null); a reliability grade is recorded under the project that gave it.
 */
@ApplicationScoped
public class SourceHistory {
    @Inject
    HistoryService history;

    static Map<String, Object> snapshot(Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("type", s.type == null ? null : s.type.name());
        m.put("country", s.country);
        m.put("parent", s.parent == null ? null : s.parent.name);
        m.put("url", s.url);
        m.put("sameAs", s.sameAs);
        m.put("description", s.description);
        m.put("aliases", s.aliases.stream().map(a -> a.alias).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        return m;
    }

    void source(User who, Source s, ChangeAction action, Map<String, Object> before) {
        history.record(who, null, null, HistoryService.SOURCE, s.id, action, before, snapshot(s));
    }

    void grade(SourceGrade g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", g.source.name);
        m.put("sourceId", g.source.id);
        m.put("grade", g.grade);
        m.put("rationale", g.rationale);
        history.record(g.gradedBy, g.project.id, null, HistoryService.SOURCE_GRADE, g.id, ChangeAction.create, null, m);
    }
}
