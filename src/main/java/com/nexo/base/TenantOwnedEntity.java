package com.nexo.base;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Base of every entity that belongs to a tenant.
 *
 * <p>The tenant is never set by Java code: the column defaults to the tenant bound to the
 * transaction ({@code nexo_tenant_id()}), and the row-level security policy's {@code WITH CHECK}
 * refuses any other value. Hence {@code tenantId} is read-only here. The version column gives
 * optimistic locking; a {@code null} version also tells Spring Data that the entity is new.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @Id
    private UUID id = Ids.newId();

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private UUID tenantId;

    @Version
    private Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public UUID getId() {
        return id;
    }

    /**
     * Gives a new entity a known id instead of a fresh one (demo data with fixed ids, imports that
     * keep their source's ids). Only before the entity is first saved.
     */
    protected void assignId(UUID knownId) {
        if (version != null) {
            throw new IllegalStateException("The id of a saved entity cannot change");
        }
        this.id = Objects.requireNonNull(knownId, "knownId");
    }

    /** The owning tenant, known once the entity has been read back from the database. */
    public UUID getTenantId() {
        return tenantId;
    }

    public Long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @PrePersist
    void beforeInsert() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other != null && getClass() == other.getClass() && id.equals(((TenantOwnedEntity) other).id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
