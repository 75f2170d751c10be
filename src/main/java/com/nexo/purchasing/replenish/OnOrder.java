package com.nexo.purchasing.replenish;

import com.nexo.articles.stock.Incoming;
import com.nexo.articles.stock.IncomingStock;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is on order: for every article and warehouse that some orders' lines touch, the sum of
 * quantity − received quantity over the stock-tracked lines of every order in an {@link
 * PurchaseStatus#ON_ORDER} state bound for that warehouse, computed in one statement and handed to the
 * articles module ({@link IncomingStock}) as absolute values. The order and receipt services call it in
 * their own transaction after each change (a line added, changed or removed, an order's state or
 * warehouse changed, a receipt posted); an order without a warehouse is not on order anywhere yet.
 *
 * <p>Two transactions changing orders of the same article could each compute a sum that misses the
 * other's uncommitted change; so a refresh first takes a transaction-level advisory lock of the tenant
 * and only then reads (each statement of a read-committed transaction sees what was committed before
 * it started): the second refresh waits for the first to commit and sums both. The lock is held from
 * the refresh to the commit, which is the end of the caller's transaction.
 */
@Service
public class OnOrder {

    private static final String LOCK = """
            SELECT pg_advisory_xact_lock(hashtextextended('nexo.purchasing.on-order:' || nexo_tenant_id()::text, 0))
            """;

    /**
     * The (article, warehouse) pairs those orders' lines touch, each with its sum over all orders: the
     * orders read by key from the list given (unnest, so that the plan starts there whatever the
     * statistics), then the sums grouped once over the lines of those articles and joined to the pairs.
     * A sub-select per pair measured slower (receipt benchmark, README).
     */
    private static final String OF_ORDERS = """
            WITH touched AS MATERIALIZED (
                SELECT DISTINCT l.article_id, d.warehouse_id
                  FROM unnest(CAST(:orders AS uuid[])) AS given(id)
                  JOIN purchase_document d ON d.id = given.id
                  JOIN purchase_document_line l ON l.tenant_id = d.tenant_id AND l.document_id = d.id
                 WHERE d.kind = 'ORDER' AND d.warehouse_id IS NOT NULL AND l.article_id IS NOT NULL),
            sums AS (
                SELECT o.article_id, od.warehouse_id, sum(greatest(o.quantity - o.received_quantity, 0)) AS incoming
                  FROM purchase_document_line o
                  JOIN purchase_document od ON od.tenant_id = o.tenant_id AND od.id = o.document_id
                 WHERE o.article_id IN (SELECT article_id FROM touched) AND o.stock_tracked
                   AND od.kind = 'ORDER' AND od.status = ANY (CAST(:states AS text[]))
                 GROUP BY o.article_id, od.warehouse_id)
            SELECT t.article_id, t.warehouse_id, coalesce(s.incoming, 0) AS incoming
              FROM touched t
              LEFT JOIN sums s ON s.article_id = t.article_id AND s.warehouse_id = t.warehouse_id
            """;

    /** Every warehouse that has some of these articles on order, with the sum. */
    private static final String OF_ARTICLES = """
            SELECT o.article_id, od.warehouse_id, sum(greatest(o.quantity - o.received_quantity, 0)) AS incoming
              FROM purchase_document_line o
              JOIN purchase_document od ON od.tenant_id = o.tenant_id AND od.id = o.document_id
             WHERE o.article_id = ANY (CAST(:articles AS uuid[])) AND o.stock_tracked
               AND od.warehouse_id IS NOT NULL AND od.kind = 'ORDER' AND od.status = ANY (CAST(:states AS text[]))
             GROUP BY o.article_id, od.warehouse_id
            """;

    private static final String[] ON_ORDER_STATES =
            PurchaseStatus.ON_ORDER.stream().map(Enum::name).sorted().toArray(String[]::new);

    private final JdbcClient jdbc;
    private final IncomingStock incoming;

    OnOrder(JdbcClient jdbc, IncomingStock incoming) {
        this.jdbc = jdbc;
        this.incoming = incoming;
    }

    /**
     * Hands the articles module the incoming quantity of every (article, warehouse) that the lines of
     * these orders name. Call it after the change, in the same transaction.
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({
        PurchasingPermissions.CREATE,
        PurchasingPermissions.EDIT,
        PurchasingPermissions.APPROVE,
        PurchasingPermissions.SEND,
        PurchasingPermissions.RECEIVE,
        PurchasingPermissions.CANCEL,
        Roles.SYSTEM
    })
    public int refresh(Collection<UUID> orderIds) {
        UUID[] orders = ids(orderIds);
        if (orders.length == 0) {
            return 0;
        }
        lock();
        return incoming.replace(sums(OF_ORDERS, "orders", orders));
    }

    /**
     * Adds what orders created in this transaction put on order, given by the caller per (article,
     * warehouse) as the sum of their stock-tracked lines' quantities: no read of the orders, and only
     * those pairs written, each once ({@link IncomingStock#add}). Only for orders whose lines were never
     * counted before (fresh drafts); every later change goes through {@link #refresh}, which sets
     * absolute values. Takes the same lock as a refresh before writing, so a concurrent refresh either
     * committed before (and these are added to its sums) or reads after this commit (and counts them).
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({PurchasingPermissions.CREATE, Roles.SYSTEM})
    public int addNewOrders(Collection<Incoming> increases) {
        List<Incoming> positive = increases == null
                ? List.of()
                : increases.stream()
                        .filter(row -> row.quantity() != null && row.quantity().signum() > 0)
                        .toList();
        if (positive.isEmpty()) {
            return 0;
        }
        lock();
        return incoming.add(positive);
    }

    /**
     * The whole incoming stock of these articles, in every warehouse: for a change {@link #refresh}
     * cannot see from the orders' lines as they are now (a line removed, an order moved to another
     * warehouse).
     *
     * @return how many balance rows changed
     */
    @Transactional
    @RolesAllowed({
        PurchasingPermissions.CREATE,
        PurchasingPermissions.EDIT,
        PurchasingPermissions.APPROVE,
        PurchasingPermissions.SEND,
        PurchasingPermissions.RECEIVE,
        PurchasingPermissions.CANCEL,
        Roles.SYSTEM
    })
    public int refreshArticles(Collection<UUID> articleIds) {
        UUID[] articles = ids(articleIds);
        if (articles.length == 0) {
            return 0;
        }
        lock();
        return incoming.replaceForArticles(List.of(articles), sums(OF_ARTICLES, "articles", articles));
    }

    /** The on-order sums of one of the two queries, for these ids (its parameter {@code name}). */
    private List<Incoming> sums(String query, String name, UUID[] ids) {
        return jdbc.sql(query)
                .param(name, ids)
                .param("states", ON_ORDER_STATES)
                .query((rs, n) -> new Incoming(
                        rs.getObject("article_id", UUID.class),
                        rs.getObject("warehouse_id", UUID.class),
                        rs.getBigDecimal("incoming")))
                .list();
    }

    private void lock() {
        jdbc.sql(LOCK).query().listOfRows();
    }

    private static UUID[] ids(Collection<UUID> ids) {
        return ids == null
                ? new UUID[0]
                : ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
    }
}
