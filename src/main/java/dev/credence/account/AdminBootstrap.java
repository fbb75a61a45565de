package dev.credence.account;

import dev.credence.database.DatabaseReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On first start with no users, creates the admin from CREDENCE_ADMIN_USER /
 * CREDENCE_ADMIN_PASSWORD, or with a random password printed once. Never a default password.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @ConfigProperty(name = "credence.admin.user")
    Optional<String> adminUser;

    @ConfigProperty(name = "credence.admin.password")
    Optional<String> adminPassword;

    /**
     * After the schema is ready: at start-up, or later when the app started before its database. Two
     * instances starting on one empty database race here; the loser's insert hits the unique username
     * and it finds the admin the other instance created, instead of failing its start.
     */
    void onStart(@Observes DatabaseReady event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> createAdminIfEmpty(adminUser, adminPassword));
        } catch (RuntimeException e) {
            // A lambda, not User::count: the method reference binds to PanacheEntityBase.count, which
            // Panache does not enhance ("did you forget @Entity?": the loser of the race then exited).
            if (!isUniqueViolation(e) || QuarkusTransaction.requiringNew().call(() -> User.count()) == 0) {
                throw e;
            }
            LOG.info("Another instance created the first admin at the same moment; using it");
        }
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the first admin when there is no user at all.
     * @return the generated password when one was generated, empty otherwise
     */
    @Transactional
    public Optional<String> createAdminIfEmpty(Optional<String> adminUser, Optional<String> adminPassword) {
        if (User.count() > 0) {
            return Optional.empty();
        }
        String username = adminUser.filter(s -> !s.isBlank()).orElse("admin");
        String password = adminPassword.filter(s -> !s.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        User admin = new User();
        admin.username = username;
        admin.displayName = "Administrator";
        admin.role = User.ADMIN;
        admin.createdAt = Instant.now();
        admin.setPassword(password);
        admin.persist();
        if (generated) {
            LOG.warnf("Created admin user '%s' with generated password: %s  (shown once; set CREDENCE_ADMIN_PASSWORD to choose it)",
                    username, password);
            return Optional.of(password);
        }
        LOG.infof("Created admin user '%s' from CREDENCE_ADMIN_USER / CREDENCE_ADMIN_PASSWORD", username);
        return Optional.empty();
    }
}
