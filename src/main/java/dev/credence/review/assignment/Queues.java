package dev.credence.review.assignment;

import dev.credence.account.CurrentUser;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The reviewer's home: their layers across projects by state, and a "Next document" button per project. */
@Path("/queue")
@Produces(MediaType.TEXT_HTML)
public class Queues {
    @Inject
    CurrentUser currentUser;
    @Inject
    ProjectAccess access;
    @Inject
    AssignmentService assignments;

    public record Queue(List<Layer> assigned, List<Layer> inProgress, List<Layer> submitted, List<Project> projects) {
        public boolean empty() {
            return assigned.isEmpty() && inProgress.isEmpty() && submitted.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Queue queue);
    }

    @GET
    public TemplateInstance index() {
        List<Layer> layers = assignments.queue(currentUser.get());
        return Templates.index(new Queue(inState(layers, LayerState.assigned), inState(layers, LayerState.in_progress),
                inState(layers, LayerState.submitted), access.myProjects()));
    }

    private static List<Layer> inState(List<Layer> layers, LayerState state) {
        return layers.stream().filter(l -> l.state == state).toList();
    }
}
