package dev.credence.account;

import dev.credence.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The logged-in user's API tokens: list, create (the secret is shown once, in the answer), revoke. */
@Path("/account/tokens")
@Produces(MediaType.TEXT_HTML)
public class Tokens {
    @Inject
    CurrentUser currentUser;
    @Inject
    TokenService tokens;

    @CheckedTemplate
    static class Templates {
        /**
         * @param created the token just made (its secret is in {@code secret}), or null
         * @param error why the form was refused, or null
         */
        static native TemplateInstance index(List<ApiToken> tokens, ApiToken created, String secret, String error,
                String name);
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(tokens.list(currentUser.get()), null, null, null, "");
    }

    /**
     * Not post/redirect/get on purpose: the secret is rendered in this answer only (never put in
     * a cookie or a URL); the page carries Cache-Control: no-store.
     */
    @POST
    public Response create(@RestForm String name, @RestForm String expiresInDays) {
        User me = currentUser.get();
        try {
            TokenService.Issued issued = tokens.issue(me, name, days(expiresInDays));
            return Response.status(201)
                    .entity(Templates.index(tokens.list(me), issued.record(), issued.token(), null, "")).build();
        } catch (ClientErrorException e) {
            return Response.status(e.getResponse().getStatus())
                    .entity(Templates.index(tokens.list(me), null, null, e.getMessage(), name)).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        ApiToken t = tokens.revoke(currentUser.get(), id);
        return Flash.redirect("/account/tokens", "Token “" + t.name + "” revoked.");
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1; // refused by the service with its message
        }
    }
}
