package dev.credence.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The source-page benchmark's own H2 file database (target/source-bench-db), kept between runs. */
public class SourcePageBenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:h2:file:./target/source-bench-db/credence;DB_CLOSE_ON_EXIT=FALSE",
                "quarkus.log.level", "WARN",
                "quarkus.log.category.\"dev.credence\".level", "INFO",
                "credence.search.full-check-interval-s", "0");
    }
}
