package dev.credence.annotation.schema;

import dev.credence.account.CurrentUser;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The label schema settings page (managers): one form per field, and rename / merge for values in use. */
@Path("/projects/{id}/schema")
@Produces(MediaType.TEXT_HTML)
public class LabelSchemas {
    /** Blank rows under a field's values, to add new ones without JavaScript. */
    static final int BLANK_ROWS = 2;

    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    LabelSchemaService schemas;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Project project, List<Section> sections);
    }

    public record Row(int index, String name, String label, String key, String colour, long uses, boolean remove) {
        public boolean blank() {
            return name == null || name.isBlank();
        }
    }

    /** One field on the page; {@code error} is shown next to the form it came from. */
    public record Section(LabelField field, List<Row> rows, List<String> names, String error, String rewriteError) {
        public String id() {
            return field.name();
        }

        public boolean rewritable() {
            return field != LabelField.sourceType;
        }
    }

    @GET
    public TemplateInstance edit(@RestPath Long id) {
        Project project = access.requireManager(id);
        return Templates.edit(project, sections(project, null, null, null, null));
    }

    @POST
    @Path("{field}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath Long id, @RestPath String field, MultivaluedMap<String, String> form) {
        Project project = access.requireManager(id);
        LabelField f = requireField(field);
        List<Row> rows = rows(form);
        List<SchemaInput.Value> values = new ArrayList<>();
        for (Row r : rows) {
            if (!r.blank() && !r.remove()) {
                values.add(new SchemaInput.Value(r.name(), r.label(), r.key(), r.colour()));
            }
        }
        try {
            schemas.replace(project, currentUser.get(), input(f, values));
            return Flash.redirect("/projects/" + id + "/schema#" + f.name(), f.title() + " saved.");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(project, sections(project, f, rows, e.getMessage(), null))).build();
        }
    }

    @POST
    @Path("{field}/rename")
    public Response rename(@RestPath Long id, @RestPath String field, @RestForm String from, @RestForm String to) {
        Project project = access.requireManager(id);
        LabelField f = requireField(field);
        try {
            long n = schemas.rename(project, currentUser.get(), f.name(), from, to == null ? null : to.strip());
            return Flash.redirect("/projects/" + id + "/schema#" + f.name(),
                    "Renamed '" + from + "' to '" + to.strip() + "' (" + n + " " + f.usedBy() + " rewritten).");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(project, sections(project, null, null, null, Map.entry(f, e.getMessage()))))
                    .build();
        }
    }

    @POST
    @Path("{field}/merge")
    public Response merge(@RestPath Long id, @RestPath String field, @RestForm String from, @RestForm String into) {
        Project project = access.requireManager(id);
        LabelField f = requireField(field);
        try {
            long n = schemas.merge(project, currentUser.get(), f.name(), from, into);
            return Flash.redirect("/projects/" + id + "/schema#" + f.name(),
                    "Merged '" + from + "' into '" + into + "' (" + n + " " + f.usedBy() + " rewritten).");
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.edit(project, sections(project, null, null, null, Map.entry(f, e.getMessage()))))
                    .build();
        }
    }

    private List<Section> sections(Project project, LabelField failed, List<Row> submitted, String error,
            Map.Entry<LabelField, String> rewriteError) {
        Project p = Project.findById(project.id);
        LabelSchema schema = schemas.of(p);
        List<Section> out = new ArrayList<>();
        for (LabelField f : LabelField.values()) {
            List<Row> rows = new ArrayList<>();
            if (f == failed) {
                for (Row r : submitted) {
                    rows.add(new Row(rows.size(), r.name(), r.label(), r.key(), r.colour(),
                            r.blank() ? 0 : schemas.uses(p, f, r.name()), r.remove()));
                }
            } else {
                for (LabelValue.Def d : schema.values(f)) {
                    rows.add(new Row(rows.size(), d.name(), d.label(), d.key(), d.colour(), schemas.uses(p, f, d.name()),
                            false));
                }
                for (int i = 0; i < BLANK_ROWS; i++) {
                    rows.add(new Row(rows.size(), "", "", "", "#57606a", 0, false));
                }
            }
            String rewrite = rewriteError != null && rewriteError.getKey() == f ? rewriteError.getValue() : null;
            out.add(new Section(f, rows, schema.names(f), f == failed ? error : null, rewrite));
        }
        return out;
    }

    /** Rows from {@code v{i}.name}, {@code v{i}.label}, {@code v{i}.key}, {@code v{i}.colour}, {@code v{i}.remove}. */
    private static List<Row> rows(MultivaluedMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < LabelSchemaService.MAX_VALUES + BLANK_ROWS; i++) {
            String p = "v" + i + ".";
            if (!form.containsKey(p + "name")) {
                continue;
            }
            rows.add(new Row(rows.size(), trim(form.getFirst(p + "name")), trim(form.getFirst(p + "label")),
                    trim(form.getFirst(p + "key")), trim(form.getFirst(p + "colour")), 0,
                    form.containsKey(p + "remove")));
        }
        return rows;
    }

    private static SchemaInput input(LabelField f, List<SchemaInput.Value> v) {
        return new SchemaInput(f == LabelField.kind ? v : null, f == LabelField.stance ? v : null,
                f == LabelField.cueClass ? v : null, f == LabelField.sourceType ? v : null,
                f == LabelField.relation ? v : null);
    }

    private static LabelField requireField(String name) {
        LabelField f = LabelField.parse(name);
        if (f == null) {
            throw new jakarta.ws.rs.NotFoundException("No label field " + name);
        }
        return f;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
