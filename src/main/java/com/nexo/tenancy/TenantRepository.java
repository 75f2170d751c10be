package com.nexo.tenancy;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    /**
     * Transactional of its own: TenantService calls it from inside its own methods, where no
     * transaction may be open yet, and a statement outside a transaction runs as the login role,
     * which may read no table (it once answered "no" there, unbound, instead of asking the operator's
     * view of the registry).
     */
    @Transactional(readOnly = true)
    boolean existsByCode(String code);
}
