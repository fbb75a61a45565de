package dev.credence.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The W3C Web Annotation test suite's JSON Schemas (draft-04, copied under
 * src/test/resources/w3c-annotation-tests with their licence), run the way the suite's .test files list them.
 * The assertions name their shared definitions by bare file name ("id.json#/definitions/stringUri"); those are
 * mapped to the definitions folder.
 */
final class W3cSchemas {
    static final String ROOT = "w3c-annotation-tests/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> DEFINITIONS = Set.of("annotations.json", "bodyTarget.json", "choiceSet.json",
            "collections.json", "id.json", "otherProperties.json", "specificResource.json");

    /** Draft-04 plus the suite's own annotations of each assertion (and one key misspelt "$ref " in a file). */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft4())
            .keywords(Stream.of("assertionType", "expectedResult", "onUnexpectedResult", "errorMessage", "$ref ")
                    .map(NonValidationKeyword::new).toList())
            .build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(DIALECT,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mappings(W3cSchemas::definitionFile)));
    private final Map<String, Schema> schemas = new HashMap<>();

    private static String definitionFile(String iri) {
        String name = iri.substring(iri.lastIndexOf('/') + 1);
        if (iri.startsWith("classpath:" + ROOT) && DEFINITIONS.contains(name) && !iri.contains("/definitions/")) {
            return "classpath:" + ROOT + "definitions/" + name;
        }
        return null;
    }

    /** One of the suite's test lists, e.g. "annotations/annotationMusts.test": the assertion files it runs. */
    static List<String> assertions(String testFile) {
        try (InputStream in = W3cSchemas.class.getClassLoader().getResourceAsStream(ROOT + testFile)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + testFile);
            }
            JsonNode test = MAPPER.readTree(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            List<String> out = new ArrayList<>();
            test.get("assertions").forEach(a -> out.add(a.asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the assertion expects: "valid" for the suite's must and should checks. */
    static String expectedResult(String assertion) {
        try (InputStream in = W3cSchemas.class.getClassLoader().getResourceAsStream(ROOT + assertion)) {
            return MAPPER.readTree(in).path("expectedResult").asText("valid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of {@code instance} against one assertion file (empty when it passes). */
    List<String> errors(String assertion, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(assertion,
                a -> registry.getSchema(SchemaLocation.of("classpath:" + ROOT + a)));
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(instance, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            out.add(assertion + ": " + e);
        }
        return out;
    }

    /** Every failure of {@code instance} against the assertions of a test list that expect it valid. */
    List<String> failures(String testFile, JsonNode instance) {
        List<String> out = new ArrayList<>();
        for (String assertion : assertions(testFile)) {
            if ("valid".equals(expectedResult(assertion))) {
                out.addAll(errors(assertion, instance));
            }
        }
        return out;
    }

    /** An annotation from a page's items as a standalone document: the collection's @context added. */
    static JsonNode standalone(JsonNode annotation, JsonNode context) {
        ObjectNode copy = MAPPER.createObjectNode();
        copy.set("@context", context);
        annotation.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
        return copy;
    }
}
