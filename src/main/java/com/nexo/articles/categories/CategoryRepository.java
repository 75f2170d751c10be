package com.nexo.articles.categories;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<ArticleCategory, UUID> {

    boolean existsByCode(String code);

    Optional<ArticleCategory> findByCode(String code);

    boolean existsByParentId(UUID parentId);

    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ArticleCategory c where c.id in :ids order by c.id")
    List<ArticleCategory> lockAll(List<UUID> ids);
}
