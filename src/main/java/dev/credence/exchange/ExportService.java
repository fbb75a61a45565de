package dev.credence.exchange;

import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.project.Membership;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Streams a project's annotations to the client: access is checked and the scope fixed
 * before the response starts; then one read transaction pages through the documents
 * while the writer sends each page on. Nothing but the current page is held in memory.
 */
@ApplicationScoped
public class ExportService {
    private static final Logger LOG = Logger.getLogger(ExportService.class);

    @Inject
    ProjectAccess access;
    @Inject
    ExportReader reader;
    @Inject
    LabelSchemaService schemas;

    /** A whole-project export can outlive the default 60 s transaction timeout. */
    @ConfigProperty(name = "credence.export.transaction-timeout", defaultValue = "3600")
    int transactionTimeoutSeconds;

    @ConfigProperty(name = "credence.export.batch-size", defaultValue = "" + ExportReader.DEFAULT_BATCH)
    int batchSize;

    /** The app's public URL when it runs behind a proxy (IRIs in exports); default: the request's base URI. */
    @ConfigProperty(name = "credence.public-url")
    java.util.Optional<String> publicUrl;

    Clock clock = Clock.systemUTC();

    /**
     * The export response for the caller: 404 if they are not a member, 400 for an unknown
     * format or layer choice. The layers are those the caller may read (LayerVisibility).
     */
    public Response export(Long projectId, String format, String layer) {
        return export(projectId, format, layer, false);
    }

    /** As {@link #export(Long, String, String)}; {@code agreement} adds each claim's per-item agreement (JSONL). */
    public Response export(Long projectId, String format, String layer, boolean agreement) {
        return export(projectId, format, layer, agreement, URI.create("http://localhost/"));
    }

    /** As above; {@code baseUri} (the request's, ending in '/') is the root of the IRIs an export writes. */
    public Response export(Long projectId, String format, String layer, boolean agreement, URI baseUri) {
        return export(projectId, format, layer, agreement, baseUri, Map.of());
    }

    /**
     * As above; {@code options} are the format's own request parameters (doccano: {@code entities}, {@code offsets}),
     * null values meaning absent. A bad value is a 400 before the response starts.
     */
    public Response export(Long projectId, String format, String layer, boolean agreement, URI baseUri,
            Map<String, String> options) {
        Prepared export = prepare(projectId, format, layer, agreement, baseUri, options);
        return Response.ok(stream(export.context(), export.format()))
                .type(export.format().contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(export.filename()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** An export checked and fixed before it runs: streamed now or run as a job later. */
    public record Prepared(Project project, ExportContext context, ExportFormat format, String filename) {
    }

    /** {@link #prepare(Long, String, String, boolean, URI, Map)} without format options. */
    public Prepared prepare(Long projectId, String format, String layer, boolean agreement, URI baseUri) {
        return prepare(projectId, format, layer, agreement, baseUri, Map.of());
    }

    /**
     * Checks the caller's access (404 if not a member) and the parameters (400 for an unknown format,
     * layer choice or format option) and fixes the scope: the layers are those the caller may read (LayerVisibility).
     */
    public Prepared prepare(Long projectId, String format, String layer, boolean agreement, URI baseUri,
            Map<String, String> options) {
        Project project = access.requireMember(projectId);
        Membership membership = access.requireMember(project);
        ExportFormat exportFormat = ExportFormat.parse(format);
        ExportScope base = scopeFor(project, membership, layer);
        ExportScope scope = new ExportScope(base.projectId(), base.viewerId(), base.goldOnly(), base.reviewersOnly(),
                agreement);
        String filename = slug(project.name) + "-" + LocalDate.now(clock) + "." + exportFormat.extension;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("format", exportFormat.name());
        parameters.put("layer", layer == null || layer.isBlank() ? "all" : layer);
        if (agreement) {
            parameters.put("agreement", "true");
        }
        options.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                parameters.put(k, v.trim());
            }
        });
        exportFormat.checkOptions(parameters);
        ExportContext context = new ExportContext(scope, project.name, publicBase(baseUri), parameters, clock.instant(),
                reader, schemas.of(project));
        return new Prepared(project, context, exportFormat, filename);
    }

    private LabelSchema schemaOf(ExportScope scope) {
        Project p = Project.findById(scope.projectId());
        return p == null ? LabelSchema.defaults() : schemas.of(p);
    }

    /** The Content-Disposition of a download named {@code filename} (a slug: no quotes to escape). */
    static String attachment(String filename) {
        return "attachment; filename=\"" + filename + "\"";
    }

    /** The formats' own request parameters, by name (null when absent): doccano's {@code entities} and {@code offsets}. */
    public static Map<String, String> formatOptions(String entities, String offsets) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("entities", entities);
        options.put("offsets", offsets);
        return options;
    }

    /** The configured public URL (behind a proxy), else the request's base URI. */
    URI publicBase(URI requestBase) {
        String base = publicUrl.filter(u -> !u.isBlank()).orElse(requestBase.toString());
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    static ExportScope scopeFor(Project project, Membership membership, String layer) {
        boolean goldOnly = false;
        boolean reviewersOnly = false;
        if (layer == null || layer.isBlank() || layer.equalsIgnoreCase("all")) {
            // reviewer layers and gold
        } else if (layer.equalsIgnoreCase("gold")) {
            goldOnly = true;
        } else if (layer.equalsIgnoreCase("reviewers")) {
            reviewersOnly = true;
        } else {
            throw new BadRequestException("layer: one of all, gold, reviewers (got '" + layer + "')");
        }
        // Every export holds exactly the layers the caller may read: the one rule, LayerVisibility.
        return new ExportScope(project.id, membership.user.id, goldOnly, reviewersOnly, false);
    }

    /** The body: runs on the worker thread that writes the response, in its own read transaction. */
    public StreamingOutput stream(ExportContext context, ExportFormat format) {
        ExportScope scope = context.scope();
        return out -> {
            try {
                writeInTransaction(context, format, out, documents -> {
                });
            } catch (UncheckedIOException e) {
                // Typically the client went away; the status line is long sent, so just stop.
                LOG.debugf("Export of project %d stopped: %s", scope.projectId(), e.getMessage());
                throw e.getCause();
            }
        };
    }

    /** Writes the export to {@code out} in its own read transaction (the export's long timeout). */
    public void writeInTransaction(ExportContext context, ExportFormat format, OutputStream out, Progress progress) {
        writeInTransaction(context, format, out, progress, batchSize);
    }

    /** As above, {@code documentsPerPage} at a time. */
    public void writeInTransaction(ExportContext context, ExportFormat format, OutputStream out, Progress progress,
            int documentsPerPage) {
        QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds)
                .run(() -> write(context, format, out, progress, documentsPerPage));
    }

    /** Writes the export to {@code out}; must run inside a transaction. */
    public void write(ExportScope scope, ExportFormat format, OutputStream out) {
        write(new ExportContext(scope, "Credence export", URI.create("http://localhost/"), Map.of("format", format.name()),
                clock.instant(), reader, schemaOf(scope)), format, out);
    }

    /** Writes the export to {@code out}; must run inside a transaction. */
    public void write(ExportContext context, ExportFormat format, OutputStream out) {
        write(context, format, out, documents -> {
        });
    }

    /** Told after each page how many documents are written so far (an export job's progress). */
    @FunctionalInterface
    public interface Progress {
        void written(int documents);
    }

    /** Writes the export to {@code out}, reporting progress after each page; must run inside a transaction. */
    public void write(ExportContext context, ExportFormat format, OutputStream out, Progress progress) {
        write(context, format, out, progress, batchSize);
    }

    private void write(ExportContext context, ExportFormat format, OutputStream out, Progress progress,
            int documentsPerPage) {
        int[] documents = { 0 };
        try (ExportWriter writer = format.open(context, out)) {
            reader.forEachPage(context.scope(), documentsPerPage, page -> {
                try {
                    writer.page(page);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                documents[0] += page.size();
                progress.written(documents[0]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Taiwan Leaks: Q3 review" → "taiwan-leaks-q3-review"; never empty. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "project" : slug;
    }
}
