package dev.credence.web;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateGlobal;

/**
 * Values every template may read: the flash message, the CSRF token of the layout's forms. Who is logged in,
 * {@code me}, is account.AccountGlobals.
 */
@TemplateGlobal
public class Globals {
    static String flash() {
        return Flash.current();
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
