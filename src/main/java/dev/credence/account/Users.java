package dev.credence.account;

import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Admin page: list and create users. */
@Path("/users")
public class Users {
    @Inject
    CurrentUser currentUser;
    @Inject
    UserService users;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<User> users, String error, String username, String displayName);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        requireAdmin();
        return Templates.index(User.listAll(io.quarkus.panache.common.Sort.by("username")), null, "", "");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Object create(@RestForm String username, @RestForm String password, @RestForm String displayName) {
        requireAdmin();
        try {
            users.create(username, password, displayName);
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus()).entity(Templates.index(
                    User.listAll(io.quarkus.panache.common.Sort.by("username")), e.getMessage(), username, displayName))
                    .build();
        }
        return Flash.redirect("/users", "User " + username + " created.");
    }

    private void requireAdmin() {
        if (!currentUser.get().isAdmin()) {
            throw new ForbiddenException("Only an admin manages users");
        }
    }
}
