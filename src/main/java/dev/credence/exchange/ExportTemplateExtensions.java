package dev.credence.exchange;

import dev.credence.project.Project;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/**
 * The project page's export form and job list ({@code {exports:formats}}, ...): here, so that the project
 * page needs nothing from {@code exchange} (which sits above {@code project}).
 */
@TemplateExtension(namespace = "exports")
public class ExportTemplateExtensions {
    static final int RECENT_JOBS = 5;

    private ExportTemplateExtensions() {
    }

    /** Every export format, in declaration order. */
    static List<ExportFormat> formats() {
        return List.of(ExportFormat.values());
    }

    /** True when the page's form should start a job rather than stream ({@code credence.export.job-threshold}). */
    static boolean startsJob(long documents) {
        return service().startsJob(documents);
    }

    /** The caller's recent export jobs in the project, newest first. */
    static List<ExportJobService.View> jobs(Project project) {
        ExportJobService service = service();
        return service.recent(project, RECENT_JOBS).stream()
                .map(job -> service.view(job, "/projects/" + project.id + "/exports/")).toList();
    }

    static String status(ExportJobService.View job) {
        return ExportJobService.statusText(job);
    }

    private static ExportJobService service() {
        return Arc.container().instance(ExportJobService.class).get();
    }
}
