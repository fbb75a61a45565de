package dev.credence.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    UserService users;

    public record NewUser(String username, String password, String displayName) {
    }

    public record UserView(Long id, String username, String displayName, String role) {
        static UserView of(User u) {
            return new UserView(u.id, u.username, u.displayName, u.role);
        }
    }

    @POST
    @Path("users")
    @Operation(summary = "Create a user (admin only)")
    public Response createUser(NewUser body) {
        if (!currentUser.get().isAdmin()) {
            throw new ForbiddenException("Only an admin creates users");
        }
        if (body == null) {
            throw new jakarta.ws.rs.BadRequestException("Body must be {\"username\",\"password\",\"displayName\"}");
        }
        User u = users.create(body.username(), body.password(), body.displayName());
        return Response.status(201).entity(UserView.of(u)).build();
    }
}
