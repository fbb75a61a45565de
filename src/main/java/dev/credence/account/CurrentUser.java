package dev.credence.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * The logged-in user as an entity, looked up once per request: by primary key when the identity carries the
 * user's id (API tokens and HTTP Basic), else by username (sessions restored from the login cookie). A user
 * whose row is gone or renamed since the identity was made is not logged in.
 */
@RequestScoped
public class CurrentUser {
    /** The identity attribute with the user's id, set by this package's identity providers. */
    static final String USER_ID = "credence.user-id";

    @Inject
    SecurityIdentity identity;

    private User user;

    /** The caller; 401 when nobody is logged in. */
    public User get() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new NotAuthorizedException("Bearer");
            }
            String name = identity.getPrincipal().getName();
            Object id = identity.getAttribute(USER_ID);
            User found = id instanceof Long known ? User.findById(known) : User.findByUsername(name).orElse(null);
            if (found == null || !found.username.equals(name)) {
                throw new NotAuthorizedException("Bearer");
            }
            user = found;
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
