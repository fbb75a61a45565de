package dev.credence.web;

/**
 * What every error answer says, in one place: the title of the error page and the machine-readable
 * code of the API body {@code {"error","detail"}}, by status. Used by {@link ErrorMappers} (errors
 * inside a resource) and {@link HttpLimits} (errors Vert.x raises before a resource is reached).
 */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** JSON for the API (and for clients that ask for JSON only), the HTML error page elsewhere. */
    public static boolean wantsJson(String path, String accept) {
        if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
            return true;
        }
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "That request was not valid";
            case 401 -> "Please log in";
            case 403 -> "You may not do that";
            case 404 -> "Not found";
            case 405 -> "Not allowed here";
            case 409 -> "Conflict";
            case 410 -> "No longer here";
            case 413 -> "Too large";
            case 415 -> "Unsupported content type";
            case 422 -> "That could not be processed";
            case 429 -> "Too many requests";
            case 503 -> "Temporarily unavailable";
            default -> "Something went wrong";
        };
    }

    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "too_many_requests";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    /** The detail shown when the exception carries none worth showing. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request is larger than this server accepts.";
            case 415 -> "Send a form (application/x-www-form-urlencoded or multipart/form-data) or JSON.";
            default -> status >= 500 ? "Something went wrong on our side; it has been logged."
                    : "The request could not be read.";
        };
    }

    /** A page that needs nothing but the status, for when the template engine itself failed. */
    static String plainHtml(int status, String detail) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title(status)
                + " · Credence</title><link rel=\"stylesheet\" href=\"/web/credence.css\"></head><body>"
                + "<main id=\"main\"><section class=\"narrow\"><h1>" + title(status) + "</h1><p class=\"error-detail\">"
                + escape(detail) + "</p><p class=\"muted\">HTTP " + status
                + "</p><p><a href=\"/\">Back to your projects</a></p></section></main></body></html>";
    }

    static String json(String code, String detail) {
        return "{\"error\":\"" + jsonEscape(code) + "\",\"detail\":\"" + jsonEscape(detail) + "\"}";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
