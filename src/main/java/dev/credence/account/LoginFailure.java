package dev.credence.account;

import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed login; {@link LoginThrottle} counts them per account and per address. */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends IdEntity {
    /** SHA-256 (hex) of the submitted username, known or not. */
    @Column(name = "account_key", nullable = false, length = 64)
    public String accountKey;

    @Column(nullable = false, length = 64)
    public String address;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;
}
