package dev.credence.suggest;

import dev.credence.annotation.Layer;
import dev.credence.source.Source;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A proposed attribution in one reviewer's layer: open until accepted (a claim is created) or rejected. */
@Entity
public class Suggestion extends IdEntity {
    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    @ManyToOne(optional = false)
    public Layer layer;

    @Column(name = "document_revision", nullable = false)
    public int documentRevision;

    @Column(name = "claim_start", nullable = false)
    public int claimStart;
    @Column(name = "claim_end", nullable = false)
    public int claimEnd;
    @Column(name = "claim_exact", nullable = false, length = 4000)
    public String claimExact;

    @Column(name = "cue_start")
    public Integer cueStart;
    @Column(name = "cue_end")
    public Integer cueEnd;
    @Column(name = "cue_exact", length = 400)
    public String cueExact;
    @Column(name = "cue_class", length = 32)
    public String cueClass;

    @Column(name = "source_start")
    public Integer sourceStart;
    @Column(name = "source_end")
    public Integer sourceEnd;
    @Column(name = "source_exact", length = 1000)
    public String sourceExact;
    @Column(name = "source_name", length = 300)
    public String sourceName;
    @ManyToOne
    public Source registrySource;
    @Column(name = "source_type", length = 32)
    public String sourceType;

    /** The hops as JSON ({@link Suggested.Hop}), hop 0 the originator. */
    @Column(name = "hops_json", nullable = false, length = 20000)
    public String hopsJson;

    /** What the learned model reads, space-separated. */
    @Column(nullable = false, length = 2000)
    public String features;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false, length = 100)
    public String model;

    @Column(nullable = false, length = 16)
    public String state;

    @Column(name = "claim_id")
    public Long claimId;

    public Instant decidedAt;

    @Column(nullable = false)
    public Instant createdAt;
}
