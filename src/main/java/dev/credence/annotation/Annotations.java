package dev.credence.annotation;

import dev.credence.annotation.DocumentPage.Option;
import dev.credence.annotation.DocumentPage.View;
import dev.credence.document.Document;
import dev.credence.document.DocumentAccess;
import dev.credence.source.Source;
import dev.credence.source.SourceAlias;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The document page: the text with claim, mention and cue highlights and the reviewer's side panel, the source
 * type-ahead of its forms, and the reviewer's layer (submit, reopen). The marks have their own controllers
 * ({@link ClaimForms}, {@link Mentions}, {@link Cues}); all of them render this page's templates through
 * {@link DocumentPage}. Every action is a plain form POST with post/redirect/get; with {@code HX-Request} the
 * same routes answer with the fragment to swap in place.
 */
@Path("/documents")
@Produces(MediaType.TEXT_HTML)
public class Annotations {
    @Inject
    DocumentAccess documents;
    @Inject
    LayerService layers;
    @Inject
    DocumentPage page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View v);

        static native TemplateInstance page$workspace(View v);

        static native TemplateInstance page$editor(View v);

        static native TemplateInstance sourceOptions(List<Option> options);

        static native TemplateInstance conflict(View v, ClaimConflict c);

        static native TemplateInstance conflict$panel(View v, ClaimConflict c);
    }

    @GET
    @Path("{id}")
    public TemplateInstance page(@RestPath Long id) {
        Document doc = documents.require(id);
        return Templates.page(page.view(doc, null, null, null));
    }

    @GET
    @Path("{id}/source-options")
    public TemplateInstance sourceOptions(@RestPath Long id, @QueryParam("q") String query, @Context UriInfo uri) {
        documents.require(id);
        // The type-ahead input sends itself under its own field name (hops[2].sourceName); take any value.
        String q = query != null ? query
                : uri.getQueryParameters().values().stream().flatMap(List::stream).findFirst().orElse(null);
        List<Option> options = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            Map<String, String> seen = new LinkedHashMap<>();
            for (Source s : Source.<Source>find("lower(name) like ?1 order by name", like).range(0, 19).list()) {
                seen.putIfAbsent(s.name, s.type.label());
            }
            for (SourceAlias a : SourceAlias.<SourceAlias>find("lower(alias) like ?1 order by alias", like)
                    .range(0, 9).list()) {
                seen.putIfAbsent(a.alias, a.source.type.label() + " · alias of " + a.source.name);
            }
            seen.forEach((name, label) -> options.add(new Option(name, label)));
        }
        return Templates.sourceOptions(options);
    }

    @POST
    @Path("{id}/submit")
    public Response submit(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        layers.submit(layers.layerFor(doc, page.me()), page.me());
        return page.done(doc, htmx, "/documents/" + id, "Layer submitted. Reopen it to change anything.");
    }

    @POST
    @Path("{id}/reopen")
    public Response reopen(@RestPath Long id, @HeaderParam("HX-Request") boolean htmx) {
        Document doc = documents.require(id);
        layers.findLayer(doc, page.me()).ifPresent(l -> layers.reopen(l, page.me()));
        return page.done(doc, htmx, "/documents/" + id, "Layer reopened.");
    }
}
