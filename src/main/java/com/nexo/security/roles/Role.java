package com.nexo.security.roles;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** A named set of permissions in one tenant. */
@Entity
@Table(name = "role")
public class Role extends TenantOwnedEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false, updatable = false)
    private boolean predefined;

    @ElementCollection
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", nullable = false)
    private Set<String> permissions = new HashSet<>();

    protected Role() {}

    Role(String code, String name, String description, boolean predefined) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.predefined = predefined;
    }

    void rename(String newName, String newDescription) {
        this.name = newName;
        this.description = newDescription;
    }

    /** Replaces the permissions; returns whether anything changed. */
    boolean grantExactly(Collection<String> codes) {
        Set<String> wanted = new HashSet<>(codes);
        if (wanted.equals(permissions)) {
            return false;
        }
        permissions.clear();
        permissions.addAll(wanted);
        return true;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    public boolean isPredefined() {
        return predefined;
    }

    public Set<String> getPermissions() {
        return Set.copyOf(permissions);
    }
}
