package dev.credence.suggest;

import dev.credence.project.Project;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import dev.credence.web.ConflictException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A project's learned suggestion model: its quality on held-out gold, and training it now. */
@Path("/api/v1/projects/{id}/suggestion-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions")
public class SuggestionModelApi {
    @Inject
    ProjectAccess projects;
    @Inject
    SuggestionTraining training;

    @GET
    @Operation(summary = "The project's learned model: when trained, on what, and its quality on held-out gold")
    public Response model(@RestPath Long id) {
        Project p = projects.requireMember(id);
        return SuggestionModel.latest(p).map(m -> Response.ok(SuggestionModels.view(m)).build())
                .orElse(Response.ok(Map.of("model", SuggestionService.RULES)).build());
    }

    @POST
    @Operation(summary = "Train the project's model now (managers); 409 while there is nothing to learn from")
    public Response train(@RestPath Long id) {
        Project p = projects.requireMember(id);
        projects.requireRole(p, ProjectRole.manager);
        SuggestionModel m = training.train(p.id);
        if (m == null) {
            throw new ConflictException(
                    "nothing to learn from yet: adjudicate some documents or decide suggestions in submitted layers");
        }
        return Response.status(201).entity(SuggestionModels.view(m)).build();
    }
}
