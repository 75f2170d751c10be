package com.nexo.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer organisation of NEXO. Its row is visible only inside its own context. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ACTIVE;

    @Column(name = "default_locale", nullable = false)
    private String defaultLocale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Tenant() {}

    Tenant(UUID id, String code, String name, String defaultLocale) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.defaultLocale = defaultLocale;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Status getStatus() {
        return status;
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getVersion() {
        return version;
    }

    void rename(String newName) {
        this.name = newName;
    }

    /** Returns whether the status changed. */
    boolean changeStatus(Status newStatus) {
        if (status == newStatus) {
            return false;
        }
        status = newStatus;
        return true;
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
}
