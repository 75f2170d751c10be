package com.nexo.sales.lists;

import com.nexo.sales.SalesPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of the dashboard's sales card, in one statement. Needs {@link SalesPermissions#READ}. */
@Service
public class SalesFiguresService {

    /** Amounts in euros: a document's total divided by its rate (units of its currency per euro). */
    private static final String FIGURES = """
            SELECT coalesce(sum(d.total_amount / d.exchange_rate)
                            FILTER (WHERE d.document_date >= :monthStart AND d.document_date <= :today), 0) AS invoiced,
                   coalesce(sum(o.open / d.exchange_rate), 0) AS open,
                   coalesce(sum(o.open / d.exchange_rate) FILTER (WHERE d.due_date < :today), 0) AS overdue
              FROM sales_document d
              CROSS JOIN LATERAL (SELECT d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p
                                                                     WHERE p.invoice_id = d.id), 0) AS open) o
             WHERE d.kind IN ('INVOICE', 'CORRECTIVE') AND d.status = 'ISSUED'
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    SalesFiguresService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public SalesFigures figures() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(FIGURES)
                .param("monthStart", today.withDayOfMonth(1))
                .param("today", today)
                .query((row, i) -> new SalesFigures(
                        euros(row.getBigDecimal("invoiced")),
                        euros(row.getBigDecimal("open")),
                        euros(row.getBigDecimal("overdue"))))
                .single();
    }

    private static BigDecimal euros(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
