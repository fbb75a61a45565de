package dev.credence.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresResource} for every @QuarkusTest; it is a no-op unless the pg test profile is on. */
@QuarkusTestResource(PostgresResource.class)
public class PostgresWhenPgProfile {
}
