package dev.credence.corroboration;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewer's link from a claim in their layer to a claim in another document of the project (V13).
 * It belongs to the linking claim's layer: deleted with it, shown where that layer is shown.
 */
@Entity
@Table(name = "claim_link")
public class ClaimLink extends IdEntity {
    public static final int MAX_NOTE = 2000;

    @ManyToOne(optional = false)
    public Project project;

    /** The linking claim (in the reviewer's layer). */
    @ManyToOne(optional = false)
    public Claim claim;

    /** The claim it points to, in another document. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "target_claim_id")
    public Claim target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LinkRelation relation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LinkOrigin origin;

    @Column(length = MAX_NOTE)
    public String note;

    @ManyToOne
    public User createdBy;

    @Column(nullable = false)
    public Instant createdAt;

    /** Only an independent corroboration is evidence for grade 1 ("confirmed by other sources"). */
    public boolean confirms() {
        return relation == LinkRelation.corroborates && origin == LinkOrigin.independent;
    }
}
