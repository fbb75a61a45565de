package dev.credence.web;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.runtime.BlockingOperationControl;

/** Values every template may read: the flash message, who is logged in, the CSRF token of the layout's forms. */
@TemplateGlobal
public class Globals {
    static String flash() {
        return Flash.current();
    }

    /**
     * The logged-in user, or null. Null also on an IO thread: an error page for an unknown address is
     * rendered there (no resource method, so no worker thread), and looking the user up would block it.
     */
    static User me() {
        if (!Arc.container().requestContext().isActive() || !BlockingOperationControl.isBlockingAllowed()) {
            return null;
        }
        CurrentUser cu = Arc.container().instance(CurrentUser.class).get();
        return cu.isLoggedIn() ? cu.get() : null;
    }

    /**
     * The CSRF token for the layout's log-out form, or null when the CSRF filter did not run for this
     * request (an error page for a request no resource method took): the form is then left out.
     */
    static String layoutCsrfToken() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            return Arc.container().instance(CsrfTokenParameterProvider.class).get().getToken();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
