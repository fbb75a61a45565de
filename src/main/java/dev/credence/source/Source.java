package dev.credence.source;

import dev.credence.account.User;
import dev.credence.web.IdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registry entry shared across projects. What projects say about it lives in SourceGrade. */
@Entity
public class Source extends IdEntity {
    @Column(nullable = false, length = 300)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public SourceType type;

    @Column(length = 100)
    public String country;

    /** A person's organisation, a desk's outlet. */
    @ManyToOne
    public Source parent;

    @Column(length = 2000)
    public String url;

    @Column(name = "same_as", length = 2000)
    public String sameAs;

    @Column(length = 4000)
    public String description;

    @ManyToOne
    public User createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @OneToMany(mappedBy = "source", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("alias")
    public List<SourceAlias> aliases = new ArrayList<>();
}
