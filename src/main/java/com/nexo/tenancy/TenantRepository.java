package com.nexo.tenancy;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
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

    /** A slice, not a page: no count query behind the operator's lazy grid. */
    @Query("select t from Tenant t where lower(t.code) like :pattern or lower(t.name) like :pattern")
    Slice<Tenant> search(String pattern, Pageable pageable);
}
