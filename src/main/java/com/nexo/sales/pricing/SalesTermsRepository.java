package com.nexo.sales.pricing;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesTermsRepository extends JpaRepository<SalesTerms, UUID> {

    Optional<SalesTerms> findByAccountId(UUID accountId);
}
