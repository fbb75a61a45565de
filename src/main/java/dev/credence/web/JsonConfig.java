package dev.credence.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The one JSON parser configuration, for every JSON route (through Quarkus' ObjectMapper) and for
 * the app's own parsing (the JSON Lines importer, through {@link #MAPPER}): duplicate keys, data after
 * the value, unknown fields and wrong types are refused, not guessed at ("0" is not a number, 1.5 is
 * not an integer, 1 is not a boolean or a string), and every string passes the {@link TextPolicy}.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
    /** A mapper configured like the REST layer's, for code that parses JSON itself. */
    public static final ObjectMapper MAPPER = configure(new ObjectMapper().findAndRegisterModules());

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("credence-text-policy").addDeserializer(String.class, new PolicyString()));
        return mapper;
    }

    /** Only JSON strings become Java strings, and only those the text policy accepts. */
    static final class PolicyString extends StdScalarDeserializer<String> {
        PolicyString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            String problem = TextPolicy.problem(s);
            if (problem != null) {
                throw new TextPolicy.RefusedText(null, problem);
            }
            return s;
        }
    }

    /** Where in the body the problem is, as a path: {@code attribution[2].start}. */
    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    /** What is wrong at that place, in a short sentence. */
    public static String reason(JsonMappingException e) {
        TextPolicy.RefusedText refused = TextPolicy.RefusedText.in(e);
        if (refused != null) {
            return refused.problem();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field" + (u.getKnownPropertyIds() == null ? ""
                    : "; the fields here are " + u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + kind(f.getTargetType()) + ", not " + TextPolicy.shorten(String.valueOf(f.getValue()), 40);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + kind(m.getTargetType());
        }
        String m = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
        int end = m.indexOf('\n');
        return TextPolicy.shorten(end < 0 ? m : m.substring(0, end), 200);
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
