package dev.credence.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark runs against an H2 file database under target/bench-db, kept between runs. */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:h2:file:./target/bench-db/credence;DB_CLOSE_ON_EXIT=FALSE",
                "quarkus.log.level", "WARN",
                // Export jobs' files (ExportBenchmark's job route removes each after its download).
                "credence.export-dir", "target/bench-exports",
                "quarkus.log.category.\"dev.credence\".level", "INFO");
    }
}
