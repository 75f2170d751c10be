package com.nexo.articles.catalogue;

import com.nexo.accounts.AccountReferences;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Articles refer to an account as their default supplier: such an account is archived rather than
 * deleted, and merging it into another moves the articles to the survivor.
 */
@Component
class ArticleSupplierReferences implements AccountReferences {

    private final JdbcClient jdbc;

    ArticleSupplierReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM article WHERE default_supplier_id = :id")
                .param("id", accountId)
                .query(Long.class)
                .single();
    }

    @Override
    public Set<UUID> referred(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.sql("SELECT DISTINCT default_supplier_id FROM article WHERE default_supplier_id = ANY (:ids)")
                        .param("ids", accountIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    @Override
    public void move(UUID from, UUID to) {
        jdbc.sql("""
                        UPDATE article SET default_supplier_id = :to, version = version + 1, updated_at = now()
                         WHERE default_supplier_id = :from
                        """).param("to", to).param("from", from).update();
    }
}
