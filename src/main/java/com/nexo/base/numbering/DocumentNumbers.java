package com.nexo.base.numbering;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless document numbers, per tenant, series and year: the one numbering of every module that
 * issues documents (invoices must be numbered without gaps; orders and delivery notes use the same).
 *
 * <p>{@link #next} runs inside the issuing transaction and locks the series' counter until that
 * transaction ends. So the numbers are consecutive in the order the issues commit: an issue that
 * rolls back gives its number back to the next one, and concurrent issues of the same series wait
 * for each other (briefly: issue, then commit) instead of sharing or skipping a number. Drafts get no
 * number; a document takes one only in the transaction that issues it. The database keeps each
 * counter moving forward by one (trigger {@code nexo_number_series_forward}).
 */
@Service
public class DocumentNumbers {

    private static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9]{0,9}");

    /** Takes the next number, creating the year's counter at its first number. */
    private static final String NEXT = """
            INSERT INTO number_series AS s (series, year, last_number)
            VALUES (:series, :year, 1)
            ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_number = s.last_number + 1
            RETURNING s.last_number
            """;

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of {@code series} in {@code year}, for the current tenant, inside the caller's
     * transaction (propagation MANDATORY: a number outside the issuing transaction could be lost).
     * The caller, a module's issuing service, has checked its own permission.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DocumentNumber next(String series, int year) {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("A series is 1 to 10 upper-case letters and digits: " + series);
        }
        long sequence = jdbc.sql(NEXT)
                .param("series", series)
                .param("year", year)
                .query(Long.class)
                .single();
        return new DocumentNumber(series, year, sequence);
    }
}
