package com.nexo.purchasing.documents;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's purchasing settings: the approval threshold of orders and the price tolerance of bills. */
@Service
public class PurchaseSettingsService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    private static final String READ = "SELECT approval_threshold, price_tolerance, version FROM purchase_settings";

    /** The first save inserts the row at version 0 -> 1; later saves change it at the version read. */
    private static final String SAVE = """
            INSERT INTO purchase_settings AS s (approval_threshold, price_tolerance, version)
            SELECT :threshold, :tolerance, 1 WHERE :version = 0
            ON CONFLICT (tenant_id) DO UPDATE
               SET approval_threshold = excluded.approval_threshold, price_tolerance = excluded.price_tolerance,
                   updated_at = now(), version = s.version + 1
             WHERE s.version = :version
            """;

    private static final String UPDATE = """
            UPDATE purchase_settings
               SET approval_threshold = :threshold, price_tolerance = :tolerance, updated_at = now(),
                   version = version + 1
             WHERE version = :version
            """;

    private final JdbcClient jdbc;

    PurchaseSettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current tenant's settings ({@link PurchaseSettings#DEFAULTS} until it saves some). */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public PurchaseSettings settings() {
        return current();
    }

    /**
     * Saves the settings read at {@code settings.version()}; returns them as stored (new version).
     * Refused when someone saved them meanwhile.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.SETTINGS)
    public PurchaseSettings save(PurchaseSettings settings) {
        BigDecimal threshold = settings.approvalThreshold();
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(MAX_AMOUNT) > 0)) {
            throw PurchasingRuleException.onField("approvalThreshold", "purchasing.rule.threshold-range");
        }
        BigDecimal tolerance = settings.priceTolerance();
        if (tolerance.signum() < 0 || tolerance.compareTo(HUNDRED) > 0) {
            throw PurchasingRuleException.onField("priceTolerance", "purchasing.rule.tolerance-range");
        }
        int changed;
        if (settings.version() == 0) {
            changed = jdbc.sql(SAVE)
                    .param(
                            "threshold",
                            threshold == null ? null : threshold.setScale(2, java.math.RoundingMode.HALF_UP))
                    .param("tolerance", tolerance)
                    .param("version", settings.version())
                    .update();
        } else {
            changed = jdbc.sql(UPDATE)
                    .param(
                            "threshold",
                            threshold == null ? null : threshold.setScale(2, java.math.RoundingMode.HALF_UP))
                    .param("tolerance", tolerance)
                    .param("version", settings.version())
                    .update();
        }
        if (changed != 1) {
            throw new PurchasingRuleException("purchasing.rule.changed-meanwhile");
        }
        return current();
    }

    PurchaseSettings current() {
        return jdbc.sql(READ)
                .query((rs, n) -> new PurchaseSettings(
                        rs.getBigDecimal("approval_threshold"),
                        rs.getBigDecimal("price_tolerance"),
                        rs.getLong("version")))
                .optional()
                .orElse(PurchaseSettings.DEFAULTS);
    }
}
