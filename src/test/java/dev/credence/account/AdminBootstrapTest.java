package dev.credence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.TestData;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {
    @Inject
    AdminBootstrap bootstrap;
    @Inject
    TestData data;

    @AfterEach
    void restoreAdmin() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> User.delete("username <> ?1", "nobody"));
        bootstrap.createAdminIfEmpty(Optional.of(TestData.ADMIN), Optional.of(TestData.ADMIN_PASSWORD));
    }

    @Test
    void withoutAPasswordARandomOneIsGeneratedNeverADefault() {
        data.reset();
        QuarkusTransaction.requiringNew().run(() -> User.deleteAll());
        Optional<String> generated = bootstrap.createAdminIfEmpty(Optional.empty(), Optional.empty());
        assertTrue(generated.isPresent());
        assertTrue(generated.get().length() >= 20, generated.get());
        User admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow());
        assertTrue(admin.isAdmin());
        assertTrue(BcryptUtil.matches(generated.get(), admin.passwordHash));
        assertFalse(BcryptUtil.matches("admin", admin.passwordHash));
    }

    @Test
    void anExistingUserMeansNoNewAdmin() {
        assertEquals(Optional.empty(), bootstrap.createAdminIfEmpty(Optional.of("other"), Optional.empty()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("other").isEmpty()));
    }
}
