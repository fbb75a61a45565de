package dev.credence.account;

import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** The login page (the form posts to Quarkus' /j_security_check) and logout. */
@Path("/")
public class Login {
    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        /** @param retryMinutes above 0 when logins are throttled: the page says how long to wait */
        static native TemplateInstance login(boolean error, long retryMinutes);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Object login(@QueryParam("error") boolean error) {
        if (currentUser.isLoggedIn() && !error) {
            return Response.seeOther(java.net.URI.create("/")).build();
        }
        return Templates.login(error, 0);
    }

    @POST
    @Path("logout")
    public Response logout() {
        if (currentUser.isLoggedIn()) {
            // Removes the session cookie and stops the mechanism from refreshing it on this response.
            FormAuthenticationMechanism.logout(identity);
        }
        return Flash.redirect("/login", "You are logged out.");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return Response.seeOther(java.net.URI.create("/queue")).build();
    }
}
