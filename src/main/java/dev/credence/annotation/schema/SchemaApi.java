package dev.credence.annotation.schema;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A project's label schema: members read it, managers change it. */
@Path("/api/v1/projects/{id}/schema")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Label schema")
public class SchemaApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    LabelSchemaService schemas;

    public record ValueView(String name, String label, String key, String colour, long uses) {
    }

    public record RenameInput(String field, String from, String to) {
    }

    public record MergeInput(String field, String from, String into) {
    }

    public record RewriteView(String field, String from, String to, long rewritten, Map<String, List<ValueView>> schema) {
    }

    @GET
    @Transactional
    @Operation(summary = "The project's label schema: claim kinds, stances, cue classes, source types, relations, "
            + "each value with its key, colour and number of uses")
    public Map<String, List<ValueView>> get(@RestPath Long id) {
        return view(access.requireMember(id));
    }

    @PUT
    @Transactional
    @Operation(summary = "Replace the fields given (manager); a value in use cannot be left out (409 with the count)")
    public Map<String, List<ValueView>> put(@RestPath Long id, SchemaInput body) {
        Project p = access.requireManager(id);
        schemas.replace(p, currentUser.get(), body);
        return view(p);
    }

    @POST
    @Path("rename")
    @Transactional
    @Operation(summary = "Rename a value and rewrite its stored uses in one transaction (manager)")
    public RewriteView rename(@RestPath Long id, RenameInput body) {
        Project p = access.requireManager(id);
        RenameInput in = body == null ? new RenameInput(null, null, null) : body;
        long n = schemas.rename(p, currentUser.get(), in.field(), in.from(), in.to());
        return new RewriteView(in.field(), in.from(), in.to(), n, view(p));
    }

    @POST
    @Path("merge")
    @Transactional
    @Operation(summary = "Merge a value into another: its uses take the other's name, it leaves the schema (manager)")
    public RewriteView merge(@RestPath Long id, MergeInput body) {
        Project p = access.requireManager(id);
        MergeInput in = body == null ? new MergeInput(null, null, null) : body;
        long n = schemas.merge(p, currentUser.get(), in.field(), in.from(), in.into());
        return new RewriteView(in.field(), in.from(), in.into(), n, view(p));
    }

    private Map<String, List<ValueView>> view(Project project) {
        Project p = Project.findById(project.id);
        LabelSchema schema = schemas.of(p);
        Map<LabelField, Map<String, Long>> usage = schemas.usage(p, schema);
        Map<String, List<ValueView>> out = new LinkedHashMap<>();
        for (LabelField f : LabelField.values()) {
            out.put(f.name(), schema.values(f).stream()
                    .map(d -> new ValueView(d.name(), d.label(), d.key(), d.colour(), usage.get(f).get(d.name())))
                    .toList());
        }
        return out;
    }
}
