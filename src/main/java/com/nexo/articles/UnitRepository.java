package com.nexo.articles;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<UnitOfMeasure, UUID> {

    Optional<UnitOfMeasure> findByCode(String code);

    List<UnitOfMeasure> findAllByOrderByKindAscFactorAsc();
}
