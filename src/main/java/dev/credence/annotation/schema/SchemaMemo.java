package dev.credence.annotation.schema;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The label schemas one request has read, by project id: a claim save asks for its project's
 * schema four times (fields, hops, two registry look-ups), which would be four queries.
 * Writers of the schema forget their project's entry (LabelSchemaService).
 */
@RequestScoped
public class SchemaMemo {
    private final Map<Long, LabelSchema> byProject = new HashMap<>();

    LabelSchema get(long projectId) {
        return byProject.get(projectId);
    }

    void put(long projectId, LabelSchema schema) {
        byProject.put(projectId, schema);
    }

    void remove(long projectId) {
        byProject.remove(projectId);
    }
}
