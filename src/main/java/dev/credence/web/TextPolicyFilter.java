package dev.credence.web;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Applies the {@link TextPolicy} to every query parameter and form field of every page and API
 * route, before the resource method sees them: form fields read as {@code @RestForm} (parsed before
 * the filters run) here, a form read whole as a {@code MultivaluedMap} in {@link FormBodies}.
 */
public class TextPolicyFilter {
    /** {@code withFormRead}: the form is parsed before this filter, so its fields can be checked. */
    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request) {
        for (Map.Entry<String, List<String>> e : request.getUriInfo().getQueryParameters().entrySet()) {
            checkAll(e.getKey(), e.getValue());
        }
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext rr) {
            FormData form = rr.getFormData();
            if (form != null) {
                for (String name : form) {
                    for (FormValue v : form.get(name)) {
                        if (!v.isFileItem()) {
                            TextPolicy.check(fieldName(name), v.getValue());
                        }
                    }
                }
            }
        }
    }

    static void checkAll(String name, List<String> values) {
        TextPolicy.check("parameter name", name);
        for (String v : values) {
            TextPolicy.check(fieldName(name), v);
        }
    }

    /** The field as the error names it; a name that is itself refused is not repeated. */
    static String fieldName(String name) {
        return TextPolicy.problem(name) == null ? TextPolicy.shorten(name, 60) : "a field";
    }

    /** Forms read whole into a map (the document page's claim form) pass the same policy. */
    @jakarta.ws.rs.ext.Provider
    public static class FormBodies implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            Object body = context.proceed();
            if (body instanceof MultivaluedMap<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getKey() instanceof String name && e.getValue() instanceof List<?> values) {
                        TextPolicy.check("parameter name", name);
                        for (Object v : values) {
                            if (v instanceof String s) {
                                TextPolicy.check(fieldName(name), s);
                            }
                        }
                    }
                }
            }
            return body;
        }
    }
}
