package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.annotation.schema.LabelField;
import dev.credence.annotation.schema.LabelSchema;
import dev.credence.annotation.schema.LabelSchemaService;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceNames;
import dev.credence.source.SourceService;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an attribution chain as sent ({@link HopInput}s) into hops of a layer: every hop validated before
 * anything is written, its source found in the registry (by id, name or alias) or created, its mention and cue
 * taken from the layer or marked inline. Also the source look-up of a mention marked on its own.
 */
@ApplicationScoped
public class HopResolver {
    /** Longest attribution chain; real chains have 1-4 hops, and each hop is stored and written to history. */
    public static final int MAX_HOPS = 20;

    @Inject
    SourceService sources;
    @Inject
    LabelSchemaService schemas;

    /** Validates and resolves every hop before anything is attached, creating sources, mentions, cues as needed. */
    List<AttributionHop> resolve(Layer layer, Offsets.CodePointIndex text, List<HopInput> inputs, User user) {
        List<AttributionHop> hops = new ArrayList<>();
        if (inputs == null) {
            return hops;
        }
        if (inputs.size() > MAX_HOPS) {
            throw new UnprocessableException("attribution: at most " + MAX_HOPS + " hops (this claim has "
                    + inputs.size() + ")");
        }
        LabelSchema schema = schemas.of(layer.document.project);
        // Cheap checks first, so a bad grade in hop 2 does not create hop 0's source.
        for (int i = 0; i < inputs.size(); i++) {
            HopInput in = inputs.get(i);
            String where = "attribution[" + i + "]";
            if (in == null) {
                throw new UnprocessableException(where + ": must be an object");
            }
            schema.require(LabelField.relation, where + ".relation", in.relation());
            reliability(where, in.reliability());
            if (in.sourceId() == null) {
                schema.require(LabelField.sourceType, where + ".source.type", in.sourceType());
            }
            if (in.mention() != null) {
                SpanPlacement.check(text, in.mention(), where + ".mention");
            }
            if (in.cue() != null) {
                SpanPlacement.check(text, in.cue(), where + ".cue");
            }
        }
        // Every source the chain names by name, in one look-up; names not in the registry are created below.
        Map<String, Source> registry = sources.findByNamesOrAliases(inputs.stream()
                .filter(in -> in.sourceId() == null).map(HopInput::sourceName).toList());
        for (int i = 0; i < inputs.size(); i++) {
            hops.add(hop(layer, text, schema, registry, inputs.get(i), i, user));
        }
        return hops;
    }

    /**
     * The source of a mention marked on its own: by id, or name+type found or created; null when none is named.
     */
    Source mentionSource(Project project, Long sourceId, String name, String type, User user) {
        if (sourceId == null && (name == null || name.isBlank())) {
            return null;
        }
        return source("source", project, sourceId, name, type, user, new HashMap<>());
    }

    private AttributionHop hop(Layer layer, Offsets.CodePointIndex text, LabelSchema schema,
            Map<String, Source> registry, HopInput in, int i, User user) {
        String where = "attribution[" + i + "]";
        AttributionHop h = new AttributionHop();
        h.position = i;
        String relation = schema.require(LabelField.relation, where + ".relation", in.relation());
        // An omitted relation reads as the common case: the originator asserts, later hops report
        // (the schema's first and second relations; "asserts" and "reports" by default).
        h.relation = relation != null ? relation
                : i == 0 ? schema.first(LabelField.relation) : schema.second(LabelField.relation);
        h.reliability = reliability(where, in.reliability());
        Mention existing = null;
        if (in.mentionId() != null) {
            existing = Mention.findById(in.mentionId());
            if (existing == null || !Objects.equals(existing.layer.id, layer.id)) {
                throw new UnprocessableException(where + ".mentionId: no mention " + in.mentionId()
                        + " in your layer of this document");
            }
        }
        boolean named = in.sourceId() != null || (in.sourceName() != null && !in.sourceName().isBlank());
        if (named) {
            h.source = source(where + ".source", layer.document.project, in.sourceId(), in.sourceName(),
                    in.sourceType(), user, registry);
        } else if (existing != null && existing.source != null) {
            h.source = existing.source;
        } else {
            throw new UnprocessableException(where + ": a source is required: sourceId, or source {name, type}");
        }
        if (existing != null) {
            h.mention = existing;
        } else if (in.mention() != null) {
            h.mention = SpanPlacement.newMention(layer, text, in.mention(), where + ".mention", h.source);
        }
        if (in.cueId() != null) {
            Cue cue = Cue.findById(in.cueId());
            if (cue == null || !Objects.equals(cue.layer.id, layer.id)) {
                throw new UnprocessableException(where + ".cueId: no cue " + in.cueId()
                        + " in your layer of this document");
            }
            h.cue = cue;
        } else if (in.cue() != null) {
            h.cue = SpanPlacement.newCue(layer, text, in.cue(), where + ".cue");
        }
        return h;
    }

    private Source source(String where, Project project, Long sourceId, String name, String type, User user,
            Map<String, Source> named) {
        if (sourceId != null) {
            Source s = Source.findById(sourceId);
            if (s == null) {
                throw new UnprocessableException(where + ": no source " + sourceId);
            }
            return s;
        }
        // The registry knows every source type; a project offers (and accepts for new sources) its schema's subset.
        schemas.of(project).require(LabelField.sourceType, where + ".type", type);
        String key = name == null || name.isBlank() ? null : SourceNames.key(name);
        Source known = key == null ? null : named.get(key);
        if (known != null) {
            return known;
        }
        try {
            Source s = sources.findOrCreate(name, type, user);
            if (key != null) {
                named.put(key, s);
            }
            return s;
        } catch (UnprocessableException e) {
            throw new UnprocessableException(where + ": " + e.getMessage());
        }
    }

    private static String reliability(String where, String grade) {
        try {
            return SourceService.reliability(grade);
        } catch (UnprocessableException e) {
            throw new UnprocessableException(where + "." + e.getMessage());
        }
    }
}
