package dev.credence.web;

/**
 * Recognises the exceptions RESTEasy's form parser throws for unreadable forms (broken percent
 * encoding, more fields than {@code quarkus.http.limits.max-parameters}), which are the client's
 * fault and get a 400 rather than being logged as our own errors.
 */
final class FormErrors {
    private FormErrors() {
    }

    /** A sentence for the client, or null when {@code e} is not a form-parsing failure. */
    static String describe(Throwable e) {
        if (!fromFormParser(e)) {
            return null;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("Param limit of")) {
            return "The form has too many fields (" + m.replaceAll("\\D+", " ").strip() + " at most).";
        }
        return "The form data is not valid URL encoding (application/x-www-form-urlencoded): "
                + TextPolicy.shorten(m, 120);
    }

    static int status(Throwable e) {
        return 400;
    }

    private static boolean fromFormParser(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || c.startsWith("org.jboss.resteasy.reactive.common.util.URLUtils")
                    || c.startsWith("org.jboss.resteasy.reactive.common.util.Encode")) {
                return true;
            }
        }
        return false;
    }
}
