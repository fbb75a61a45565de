package dev.credence.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN until the schema is migrated (the datasource check beside it is DOWN
 * whenever the database cannot be reached, also later on).
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {
    @Inject
    DatabaseStartup startup;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database schema");
        return startup.isReady() ? response.up().build()
                : response.down().withData("waiting", startup.waitingFor()).build();
    }
}
