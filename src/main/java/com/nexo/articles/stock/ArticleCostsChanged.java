package com.nexo.articles.stock;

import com.nexo.tenancy.TenantContext;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Published when the cost of some articles changed in a transaction (a receipt at cost through {@link
 * StockValuation}, or a cost typed in the article form): what depends on those costs (production's
 * standard costs) may recompute once the transaction has committed. Carries the tenant and the user
 * whose work changed them, because listeners run after the commit, outside that transaction.
 *
 * @param tenantId the tenant of the articles
 * @param userId the user who changed them (null for system work)
 * @param articleIds the articles whose cost changed (never empty)
 */
@NamedInterface("stock")
public record ArticleCostsChanged(UUID tenantId, UUID userId, Set<UUID> articleIds) {

    public ArticleCostsChanged {
        articleIds = Set.copyOf(articleIds);
    }

    /**
     * The event for these articles in the current tenant's context; empty when no article is named or
     * there is no tenant context (nothing to tell).
     */
    public static Optional<ArticleCostsChanged> inCurrentTenant(Set<UUID> articleIds) {
        if (articleIds == null || articleIds.isEmpty()) {
            return Optional.empty();
        }
        return TenantContext.current()
                .filter(context -> context.tenantId() != null)
                .map(context -> new ArticleCostsChanged(context.tenantId(), context.userId(), articleIds));
    }
}
