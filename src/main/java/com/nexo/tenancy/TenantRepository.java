package com.nexo.tenancy;

import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    boolean existsByCode(String code);

    /** A slice, not a page: no count query behind the operator's lazy grid. */
    @Query("select t from Tenant t where lower(t.code) like :pattern or lower(t.name) like :pattern")
    Slice<Tenant> search(String pattern, Pageable pageable);
}
