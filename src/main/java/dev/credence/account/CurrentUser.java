package dev.credence.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;

/** The logged-in user as an entity, looked up once per request. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    private User user;

    /** The caller; 401 when nobody is logged in. */
    public User get() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new NotAuthorizedException("Bearer");
            }
            user = User.findByUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        }
        return user;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return isLoggedIn() && get().isAdmin();
    }
}
