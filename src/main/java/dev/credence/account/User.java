package dev.credence.account;

import dev.credence.web.IdEntity;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person who logs in. Global role is {@code admin} or {@code user}; project roles are in Membership. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends IdEntity {
    public static final String ADMIN = "admin";
    public static final String USER = "user";

    @Username
    @Column(nullable = false, unique = true)
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Roles
    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    public void setPassword(String plain) {
        passwordHash = BcryptUtil.bcryptHash(plain);
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
