package dev.credence.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Turns a bearer token into the identity of the user who owns it. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    @Inject
    TokenService tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.getToken().getToken()));
    }

    @ActivateRequestContext
    SecurityIdentity lookup(String token) {
        TokenService.Resolution found = tokens.resolve(token);
        if (!found.ok()) {
            // The message becomes the "detail" of the 401 JSON (AuthFailureResponses).
            throw new AuthenticationFailedException(found.refusal());
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(found.username()))
                .addRole(found.role())
                .addAttribute(CurrentUser.USER_ID, found.userId())
                .build();
    }
}
