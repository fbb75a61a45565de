package dev.credence.document;

import dev.credence.account.CurrentUser;
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
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Import pages: paste one article, or upload several files at once (managers only). */
@Path("/projects/{id}/documents")
@Produces(MediaType.TEXT_HTML)
public class Imports {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    DocumentService documents;
    @ConfigProperty(name = "credence.import.max-file-bytes")
    long maxFileBytes;

    /** What was typed into the paste form, shown again when it has to be corrected. */
    public record PasteForm(String title, String url, String publisher, String publishedAt, String text) {
        static final PasteForm EMPTY = new PasteForm("", "", "", "", "");
    }

    @CheckedTemplate
    static class Templates {
        /** Each form has its own error slot, so the alert sits next to the form it is about. */
        static native TemplateInstance form(Project project, PasteForm form, String pasteError, String uploadError,
                List<String> extensions, String fileLimit);

        /** The pasted article in blocks, boilerplate marked, each with a keep/drop box. */
        static native TemplateInstance clean(Project project, PasteForm form, List<BoilerplateDetector.Block> blocks);
    }

    @GET
    @Path("new")
    public TemplateInstance form(@RestPath Long id) {
        return page(access.requireManager(id), PasteForm.EMPTY, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object paste(@RestPath Long id, @RestForm String title, @RestForm String url, @RestForm String publisher,
            @RestForm String publishedAt, @RestForm String text) {
        Project project = access.requireManager(id);
        try {
            ImportResult result = documents.importAll(project, currentUser.get(),
                    List.of(ArticleInput.of(title, url, publisher, publishedAt, text)));
            return Flash.redirect("/projects/" + project.id, result.summary());
        } catch (ClientErrorException e) {
            PasteForm form = new PasteForm(title, url, publisher, publishedAt, text);
            return Response.status(e.getResponse().getStatus()).entity(page(project, form, e.getMessage(), null))
                    .build();
        }
    }

    /** Shows the pasted text as blocks with the detected boilerplate unticked; stores nothing. */
    @POST
    @Path("clean")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object clean(@RestPath Long id, @RestForm String title, @RestForm String url, @RestForm String publisher,
            @RestForm String publishedAt, @RestForm String text) {
        Project project = access.requireManager(id);
        PasteForm form = new PasteForm(title, url, publisher, publishedAt, text);
        List<BoilerplateDetector.Block> blocks = BoilerplateDetector.blocks(text);
        if (blocks.isEmpty()) {
            return Response.status(422).entity(page(project, form, "text: required, and not blank", null)).build();
        }
        return Templates.clean(project, form, blocks);
    }

    /** Imports the blocks the reviewer kept (the text is split again the same way, so indices agree). */
    @POST
    @Path("cleaned")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object cleaned(@RestPath Long id, @RestForm String title, @RestForm String url, @RestForm String publisher,
            @RestForm String publishedAt, @RestForm String text, @RestForm("keep") List<Integer> keep) {
        Project project = access.requireManager(id);
        String kept = BoilerplateDetector.keep(BoilerplateDetector.blocks(text),
                keep == null ? java.util.Set.of() : new java.util.HashSet<>(keep));
        try {
            ImportResult result = documents.importAll(project, currentUser.get(),
                    List.of(ArticleInput.of(title, url, publisher, publishedAt, kept)));
            return Flash.redirect("/projects/" + project.id, result.summary());
        } catch (ClientErrorException e) {
            PasteForm form = new PasteForm(title, url, publisher, publishedAt, text);
            return Response.status(e.getResponse().getStatus()).entity(page(project, form, e.getMessage(), null))
                    .build();
        }
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestPath Long id, @RestForm("files") List<FileUpload> files) throws IOException {
        Project project = access.requireManager(id);
        try {
            List<ArticleInput> articles = read(files);
            ImportResult result = documents.importAll(project, currentUser.get(), articles);
            if (result.imported().size() == 1 && articles.size() == 1 && articles.get(0).line() == 0) {
                // one plain-text or HTML file: its title came from its first line, so show it for confirmation
                return Flash.redirect("/documents/" + result.imported().get(0).id + "/settings?imported=true",
                        result.summary());
            }
            return Flash.redirect("/projects/" + project.id, result.summary());
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(page(project, PasteForm.EMPTY, null, e.getMessage())).build();
        }
    }

    /** Every file is read and parsed before anything is stored, so one bad file rejects the whole upload. */
    private List<ArticleInput> read(List<FileUpload> files) throws IOException {
        List<ArticleInput> articles = new ArrayList<>();
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            // A form submitted with no file chosen still sends one empty, unnamed part.
            if ((file.fileName() == null || file.fileName().isBlank()) && file.size() == 0) {
                continue;
            }
            String name = ArticleFileReader.baseName(file.fileName());
            ArticleFileReader.requireSize(name, file.size(), maxFileBytes);
            articles.addAll(ArticleFileReader.read(name, Files.readAllBytes(file.uploadedFile())));
        }
        if (articles.isEmpty()) {
            throw new UnprocessableException("Choose at least one file to upload");
        }
        return articles;
    }

    private TemplateInstance page(Project project, PasteForm form, String pasteError, String uploadError) {
        return Templates.form(project, form, pasteError, uploadError, ArticleFileReader.EXTENSIONS,
                maxFileBytes >= 1_000_000 ? (maxFileBytes / 1_000_000) + " MB" : (maxFileBytes / 1000) + " kB");
    }
}
