package dev.credence.exchange.importing;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.web.Flash;
import dev.credence.web.UnprocessableException;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The page flow of an annotation import: upload → preview (labels found, proposed mapping to adjust,
 * counts) → confirm → stored. Stateless: the preview page carries the file (base64) to the confirm
 * post, so nothing is kept on the server between the two and any instance can answer either.
 */
@Path("/projects/{id}/import")
@Produces(MediaType.TEXT_HTML)
public class AnnotationImports {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    AnnotationImportService service;
    @Inject
    dev.credence.annotation.schema.LabelSchemaService schemas;
    @ConfigProperty(name = "credence.import.max-file-bytes")
    long maxFileBytes;

    /** What the manager chose, carried from form to preview to confirm. */
    public record Choice(String format, String layer, String state, String filename) {
        static final Choice EMPTY = new Choice("labelstudio", "", "", "");
    }

    /** One row of the mapping table: a label found in the file and the target proposed for it. */
    public record Row(String use, String label, int count, String target, List<String> targets) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Project project, Choice choice, List<String> layers,
                List<AnnotationImportFormat> formats, String error, String fileLimit);

        static native TemplateInstance preview(Project project, Choice choice, AnnotationImportService.Preview preview,
                List<Row> rows, String content, String error);
    }

    @GET
    public TemplateInstance form(@RestPath Long id) {
        Project project = access.requireManager(id);
        return form(project, Choice.EMPTY, null);
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object preview(@RestPath Long id, @RestForm("file") FileUpload file, @RestForm String format,
            @RestForm String layer, @RestForm String state) throws IOException {
        Project project = access.requireManager(id);
        String name = file == null ? "" : AnnotationImportApi.name(file.fileName());
        Choice choice = new Choice(format, layer, state, name);
        try {
            if (file == null || (file.size() == 0 && (file.fileName() == null || file.fileName().isBlank()))) {
                throw new UnprocessableException("Choose a file to import");
            }
            if (file.size() > maxFileBytes) {
                throw new ClientErrorException(name + ": " + file.size() + " bytes, over the limit of " + maxFileBytes
                        + " bytes per file", 413);
            }
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            if (bytes.length == 0) {
                throw new UnprocessableException(name + ": empty file");
            }
            AnnotationImportFormat f = AnnotationImportFormat.parse(format);
            AnnotationImportService.Target.parse(layer, f);
            AnnotationImportApi.state(state);
            AnnotationImportService.Preview p = service.preview(project, f, bytes, name, LabelMapping.none());
            return Templates.preview(project, choice, p, rows(p, schemas.of(project)), Base64.getEncoder().encodeToString(bytes), null);
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus()).entity(form(project, choice, e.getMessage())).build();
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object confirm(@RestPath Long id, @RestForm String content, @RestForm String format, @RestForm String layer,
            @RestForm String state, @RestForm String filename, @RestForm("use") List<String> uses,
            @RestForm("label") List<String> labels, @RestForm("target") List<String> targets) {
        Project project = access.requireManager(id);
        Choice choice = new Choice(format, layer, state, filename);
        try {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(content == null ? "" : content);
            } catch (IllegalArgumentException e) {
                throw new UnprocessableException("The preview's file did not come back intact; upload it again");
            }
            AnnotationImportFormat f = AnnotationImportFormat.parse(format);
            Map<String, String> mapping = new LinkedHashMap<>();
            int n = labels == null ? 0 : labels.size();
            for (int i = 0; i < n && targets != null && i < targets.size(); i++) {
                if (targets.get(i) != null && !targets.get(i).isBlank()) {
                    mapping.put(labels.get(i), targets.get(i));
                }
            }
            String json = dev.credence.web.JsonConfig.MAPPER.writeValueAsString(mapping);
            AnnotationImportResult result = service.importFile(project, currentUser.get(), f, bytes,
                    AnnotationImportApi.name(filename), AnnotationImportService.Target.parse(layer, f),
                    LabelMapping.parse(json), AnnotationImportApi.state(state));
            return Flash.redirect("/projects/" + project.id, result.summary());
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus()).entity(form(project, choice, e.getMessage())).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> rows(AnnotationImportService.Preview p, LabelSchema schema) {
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = Map.of("span", p.census().spans(), "choice", p.census().choices(),
                "relation", p.census().relations());
        p.proposed().forEach((k, v) -> {
            int cut = k.indexOf('\u0000');
            String use = k.substring(0, cut);
            String label = k.substring(cut + 1);
            List<String> targets = LabelTarget.choices(LabelMapping.Use.valueOf(use), schema);
            rows.add(new Row(use, label, counts.get(use).getOrDefault(label, 0), v, targets));
        });
        return rows;
    }

    private TemplateInstance form(Project project, Choice choice, String error) {
        List<String> layers = new ArrayList<>();
        for (Membership m : Membership.ofProject(project)) {
            layers.add(m.user.username);
        }
        layers.sort(String::compareTo);
        return Templates.form(project, choice, layers, List.of(AnnotationImportFormat.values()), error,
                maxFileBytes >= 1_000_000 ? (maxFileBytes / 1_000_000) + " MB" : (maxFileBytes / 1000) + " kB");
    }
}
