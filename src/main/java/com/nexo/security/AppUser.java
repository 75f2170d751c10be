package com.nexo.security;

import com.nexo.base.TenantOwnedEntity;
import com.nexo.tenancy.ActorType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person who logs in to one tenant: an employee, or an external actor tied to an account. */
@Entity
@Table(name = "app_user")
class AppUser extends TenantOwnedEntity {

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Convert(converter = ActorTypeConverter.class)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    @Column(name = "party_id")
    private UUID partyId;

    @Column(name = "tenant_admin", nullable = false)
    private boolean tenantAdmin;

    @Column(nullable = false)
    private boolean enabled = true;

    private String locale;

    protected AppUser() {}

    AppUser(String email, String displayName, ActorType actorType, UUID partyId, boolean tenantAdmin) {
        this.email = email;
        this.displayName = displayName;
        this.actorType = actorType;
        this.partyId = partyId;
        this.tenantAdmin = tenantAdmin;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    void chooseLocale(String languageTag) {
        this.locale = languageTag;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    ActorType getActorType() {
        return actorType;
    }

    boolean isTenantAdmin() {
        return tenantAdmin;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getLocale() {
        return locale;
    }
}
