package dev.credence.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of every entity: an identity column, which both H2 and PostgreSQL
 * generate the same way (no sequences to keep in step across databases).
 */
@MappedSuperclass
public abstract class IdEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
