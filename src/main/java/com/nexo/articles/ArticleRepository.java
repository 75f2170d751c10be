package com.nexo.articles;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRepository extends JpaRepository<Article, UUID> {

    boolean existsByCode(String code);

    boolean existsByCategoryId(UUID categoryId);

    Optional<Article> findByBarcode(String barcode);

    Optional<Article> findByCode(String code);
}
