package dev.credence.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API tokens: created with HTTP Basic credentials (POST), listed and revoked with a bearer token.
 * The permission set-up in application.properties binds POST to Basic and the rest to Bearer.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class TokenApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    TokenService tokens;
    @Inject
    ObjectMapper json;

    public record NewToken(String name, Integer expiresInDays) {
    }

    /** A token as listed; the secret itself is never in it. */
    public record TokenView(Long id, String name, String status, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.getStatus(), t.createdAt, t.lastUsedAt, t.expiresAt, t.revokedAt);
        }
    }

    /** The answer to a creation: the secret, shown this once, and the listed fields. */
    public record CreatedToken(String token, Long id, String name, Instant createdAt, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a bearer token with HTTP Basic credentials",
            description = "Optional JSON body {\"name\",\"expiresInDays\"}; no body gives an unnamed token that does not expire. "
                    + "The token is in this answer only: just its SHA-256 is stored.")
    @APIResponse(responseCode = "200", description = "{\"token\",\"id\",\"name\",\"createdAt\",\"expiresAt\"}")
    @APIResponse(responseCode = "401", description = "Wrong username or password (the same answer for an unknown username)")
    @APIResponse(responseCode = "422", description = "Name too long or with control characters, expiresInDays outside 1–3650")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this account or address; see Retry-After")
    public CreatedToken create(String body) {
        User me = currentUser.get();
        NewToken request = parse(body);
        TokenService.Issued issued = tokens.issue(me, request.name(), request.expiresInDays());
        ApiToken t = issued.record();
        return new CreatedToken(issued.token(), t.id, t.name, t.createdAt, t.expiresAt);
    }

    @GET
    @Operation(summary = "List the caller's tokens, newest first (active, expired and revoked)")
    public List<TokenView> list() {
        return tokens.list(currentUser.get()).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it answers 401 from then on")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "404", description = "No such token among the caller's")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Response.noContent().build();
    }

    private NewToken parse(String body) {
        if (body == null || body.isBlank()) {
            return new NewToken(null, null);
        }
        try {
            NewToken parsed = json.readValue(body, NewToken.class);
            return parsed == null ? new NewToken(null, null) : parsed;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Body must be JSON {\"name\",\"expiresInDays\"} or empty", e);
        }
    }
}
