package dev.credence.annotation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A span asserting something checkable, with its attribution chain and grades. */
@Entity
public class Claim extends Span {
    @ManyToOne(optional = false)
    public Layer layer;

    /** A name from the project's label schema (claim kinds); the defaults are {@link ClaimKind}'s names. */
    @Column(length = 32)
    public String kind;

    /** A name from the project's label schema (stances); the defaults are {@link Stance}'s names. */
    @Column(length = 32)
    public String stance;

    public Boolean checkWorthy;

    /** 1..6 (Admiralty information credibility); null while not graded. */
    public Integer credibility;

    @Column(length = 4000)
    public String rationale;

    @Column(length = 2000)
    public String evidenceUrl;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Hop 0 is the originator; the last hop is the outlet the reader sees. */
    @OneToMany(mappedBy = "claim", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AttributionHop> hops = new ArrayList<>();

    /**
     * The chain as readers say it, outlet first: "POLITICO ← TeamT5 researchers"
     * (the last hop is the outlet, hop 0 the originator).
     */
    public String chain() {
        return AttributionChain.of(hops, h -> h.source.name);
    }
}
