package com.nexo.sales.pricing;

import com.nexo.sales.SalesPermissions;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price of an article for a client, a quantity and a day, from the price lists: the client's own
 * list (its terms name it), else a list of the client's group, else the tenant's default list. Only
 * lists valid on the day and not archived count, and the first of them in that order that prices the
 * article at the quantity wins (a client's list may price only some articles: the others come from its
 * group's or the default list). Within a list the item with the largest quantity break not above the
 * quantity applies. When no list prices the article the answer is empty, and the caller uses the
 * article's own sale price.
 *
 * <p>Every answer is one SQL statement, however many lines are priced at once.
 */
@Service
public class PriceLists {

    /*
     * The lines to price arrive as parallel arrays, numbered by their position. Each line's candidates
     * are the items of the lists that apply to the client, ranked (own list 1, group 2, default 3),
     * then the latest start of validity, then the largest break; DISTINCT ON keeps the best per line.
     */
    private static final String PRICES = """
            WITH terms AS (
                SELECT t.price_list_id, t.client_group
                  FROM sales_client_terms t
                 WHERE t.account_id = :account
            ), lists AS (
                SELECT l.id, l.name, l.currency, l.valid_from,
                       CASE WHEN l.id = (SELECT price_list_id FROM terms) THEN 1
                            WHEN l.client_group = (SELECT client_group FROM terms) THEN 2
                            WHEN l.is_default THEN 3
                       END AS rank
                  FROM sales_price_list l
                 WHERE NOT l.archived
                   AND l.valid_from <= :day
                   AND (l.valid_to IS NULL OR l.valid_to >= :day)
            )
            SELECT DISTINCT ON (q.n) q.n, i.unit_price, i.discount_percent, l.id AS list_id, l.name, l.currency
              FROM unnest(CAST(:articles AS uuid[]), CAST(:quantities AS numeric[])) WITH ORDINALITY
                   AS q (article_id, quantity, n)
              JOIN sales_price_list_item i ON i.article_id = q.article_id AND i.min_quantity <= q.quantity
              JOIN lists l ON l.id = i.price_list_id
             WHERE l.rank IS NOT NULL
             ORDER BY q.n, l.rank, l.valid_from DESC, l.id, i.min_quantity DESC
            """;

    private final JdbcClient jdbc;

    PriceLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The price of {@code quantity} of the article for the client on {@code day}; empty when no list
     * that applies to the client prices it (the caller then takes the article's sale price).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public Optional<PriceQuote> priceFor(UUID accountId, UUID articleId, BigDecimal quantity, LocalDate day) {
        return pricesFor(accountId, List.of(new PriceRequest(articleId, quantity)), day)
                .getFirst();
    }

    /**
     * The prices of many lines at once (an editor pricing pasted lines), in one statement: the answer
     * at position n is the price of {@code lines.get(n)}, empty where no list prices it. The same
     * article may come several times with different quantities.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public List<Optional<PriceQuote>> pricesFor(UUID accountId, List<PriceRequest> lines, LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (lines.isEmpty()) {
            return List.of();
        }
        // Array literals, one parameter each: ids and plain decimals need no quoting.
        StringJoiner articles = new StringJoiner(",", "{", "}");
        StringJoiner quantities = new StringJoiner(",", "{", "}");
        for (PriceRequest line : lines) {
            articles.add(line.articleId().toString());
            quantities.add(line.quantity().toPlainString());
        }
        List<Optional<PriceQuote>> prices = new ArrayList<>(Collections.nCopies(lines.size(), Optional.empty()));
        jdbc.sql(PRICES)
                .param("account", accountId)
                .param("day", day)
                .param("articles", articles.toString())
                .param("quantities", quantities.toString())
                .query((RowCallbackHandler) row -> prices.set(
                        row.getInt("n") - 1,
                        Optional.of(new PriceQuote(
                                row.getBigDecimal("unit_price"),
                                row.getBigDecimal("discount_percent"),
                                row.getObject("list_id", UUID.class),
                                row.getString("name"),
                                row.getString("currency")))));
        return prices;
    }
}
