package com.nexo.articles.units;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<UnitOfMeasure, UUID> {

    Optional<UnitOfMeasure> findByCode(String code);

    List<UnitOfMeasure> findAllByOrderByKindAscFactorAsc();
}
