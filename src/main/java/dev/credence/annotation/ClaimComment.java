package dev.credence.annotation;

import dev.credence.account.User;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a claim; {@code parent} is the comment it replies to (null for a new thread). */
@Entity
@Table(name = "claim_comment")
public class ClaimComment extends IdEntity {
    public static final int MAX_BODY = 4000;

    @ManyToOne(optional = false)
    public Claim claim;

    @ManyToOne
    public ClaimComment parent;

    @ManyToOne(optional = false)
    public User author;

    @Column(nullable = false, length = MAX_BODY)
    public String body;

    @Column(nullable = false)
    public Instant createdAt;
}
