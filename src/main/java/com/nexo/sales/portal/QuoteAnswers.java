package com.nexo.sales.portal;

import com.nexo.sales.SalesPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' answers to quotes (table {@code sales_quote_answer}): the back office reads a quote's
 * answer on the quote's page; the portal records one ({@link ClientPortalService}) and system work
 * records the order an accepted quote became ({@link QuoteAnswering}).
 */
@Service
public class QuoteAnswers {

    private static final String OF_QUOTE = """
            SELECT quote_id, answer, signed_name, comment, client_ip, answered_by, answered_at, order_id
              FROM sales_quote_answer WHERE quote_id = :quote
            """;

    /**
     * The answer, written as the client: row-level security lets it through only for the client's
     * own sent quote; a quote already answered (now or by a concurrent answer, which waits for this
     * one) inserts nothing.
     */
    private static final String RECORD = """
            INSERT INTO sales_quote_answer (id, quote_id, answer, signed_name, comment, client_ip)
            VALUES (:id, :quote, :answer, :name, :comment, :ip)
            ON CONFLICT (tenant_id, quote_id) DO NOTHING
            """;

    private static final String ORDER_MADE =
            "UPDATE sales_quote_answer SET order_id = :order WHERE quote_id = :quote AND order_id IS NULL";

    private final JdbcClient jdbc;

    QuoteAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The answer a client gave to the quote, if any. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Optional<QuoteAnswer> of(UUID quoteId) {
        return find(quoteId);
    }

    Optional<QuoteAnswer> find(UUID quoteId) {
        return jdbc.sql(OF_QUOTE)
                .param("quote", quoteId)
                .query(QuoteAnswers::answer)
                .optional();
    }

    /** Records the answer in the caller's transaction; false when the quote already had one. */
    boolean record(UUID quoteId, QuoteAnswerForm form, String clientIp) {
        return jdbc.sql(RECORD)
                        .param("id", UUID.randomUUID())
                        .param("quote", quoteId)
                        .param("answer", form.accepted() ? "ACCEPTED" : "REJECTED")
                        .param("name", form.signedName().strip())
                        .param(
                                "comment",
                                form.comment() == null || form.comment().isBlank()
                                        ? null
                                        : form.comment().strip())
                        .param("ip", clientIp == null || clientIp.length() > 64 ? null : clientIp)
                        .update()
                == 1;
    }

    void orderMade(UUID quoteId, UUID orderId) {
        jdbc.sql(ORDER_MADE).param("quote", quoteId).param("order", orderId).update();
    }

    private static QuoteAnswer answer(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("answered_at");
        return new QuoteAnswer(
                rs.getObject("quote_id", UUID.class),
                "ACCEPTED".equals(rs.getString("answer")),
                rs.getString("signed_name"),
                rs.getString("comment"),
                rs.getString("client_ip"),
                rs.getObject("answered_by", UUID.class),
                at == null ? null : at.toInstant(),
                rs.getObject("order_id", UUID.class));
    }
}
