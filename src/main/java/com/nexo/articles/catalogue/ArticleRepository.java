package com.nexo.articles.catalogue;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleRepository extends JpaRepository<Article, UUID> {

    boolean existsByCode(String code);

    boolean existsByCategoryId(UUID categoryId);

    Optional<Article> findByBarcode(String barcode);

    Optional<Article> findByCode(String code);
}
