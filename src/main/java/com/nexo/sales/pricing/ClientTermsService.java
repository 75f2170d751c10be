package com.nexo.sales.pricing;

import com.nexo.accounts.AccountDirectory;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' sales terms: how each client is taxed, its price list, group, usual discount and
 * salesperson. A client nobody set terms for has the defaults ({@link ClientTerms#defaults}).
 */
@Service
public class ClientTermsService {

    private static final String TERMS = """
            SELECT account_id, tax_regime, exemption_note, withholding_percent, price_list_id, client_group,
                   document_discount_percent, salesperson_id, version
              FROM sales_client_terms
             WHERE account_id = :account
            """;

    private static final RowMapper<ClientTerms> ROW = (rs, n) -> new ClientTerms(
            rs.getObject("account_id", UUID.class),
            TaxRegime.valueOf(rs.getString("tax_regime")),
            rs.getString("exemption_note"),
            rs.getBigDecimal("withholding_percent"),
            rs.getObject("price_list_id", UUID.class),
            rs.getString("client_group"),
            rs.getBigDecimal("document_discount_percent"),
            rs.getObject("salesperson_id", UUID.class),
            rs.getLong("version"));

    private final SalesTermsRepository terms;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final AccountDirectory accounts;
    private final UserDirectory users;

    ClientTermsService(
            SalesTermsRepository terms,
            JdbcClient jdbc,
            Validator validator,
            AccountDirectory accounts,
            UserDirectory users) {
        this.terms = terms;
        this.jdbc = jdbc;
        this.validator = validator;
        this.accounts = accounts;
        this.users = users;
    }

    /**
     * The translation key of the legal note invoices of {@code regime} print (null: none). An exempt
     * client's own note, when it has one, replaces the default ({@link ClientTerms#legalNoteKey()}).
     */
    public static String legalNoteKey(TaxRegime regime) {
        return regime == null ? null : regime.legalNoteKey();
    }

    /** The client's terms; the defaults (domestic VAT, no withholding) when none were set. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public ClientTerms termsOf(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return jdbc.sql(TERMS)
                .param("account", accountId)
                .query(ROW)
                .optional()
                .orElseGet(() -> ClientTerms.defaults(accountId));
    }

    /** The client's terms as the terms dialog edits them. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public ClientTermsForm getForm(UUID accountId) {
        return ClientTermsForm.of(termsOf(accountId));
    }

    /**
     * Saves a client's terms over the version the form was loaded at; refused, with nothing changed,
     * when they are invalid or someone saved the client's terms meanwhile.
     */
    @Transactional
    @RolesAllowed({SalesPermissions.SETTINGS, Roles.SYSTEM})
    public ClientTerms save(ClientTermsForm form) {
        if (form == null
                || form.getAccountId() == null
                || !validator.validate(form).isEmpty()) {
            throw new SalesRuleException("sales.pricing.error.terms-invalid");
        }
        SalesTerms stored = terms.findByAccountId(form.getAccountId()).orElse(null);
        Long storedVersion = stored == null ? null : stored.getVersion();
        if (!Objects.equals(storedVersion, form.getVersion())) {
            throw new SalesRuleException("sales.pricing.error.changed-meanwhile");
        }
        if (accounts.namesOf(List.of(form.getAccountId())).isEmpty()) {
            throw new SalesRuleException("sales.pricing.error.account-not-found");
        }
        if (form.getSalespersonId() != null && !users.isEmployee(form.getSalespersonId())) {
            throw SalesRuleException.onField("salespersonId", "sales.pricing.error.salesperson-not-found");
        }
        if (form.getPriceListId() != null && !listExists(form.getPriceListId())) {
            throw SalesRuleException.onField("priceListId", "sales.pricing.error.list-not-found");
        }
        if (stored == null) {
            stored = new SalesTerms(form.getAccountId());
        }
        stored.apply(form);
        terms.saveAndFlush(stored);
        return termsOf(form.getAccountId());
    }

    private static final String LIST_EXISTS = "SELECT EXISTS (SELECT FROM sales_price_list WHERE id = :id)";

    private boolean listExists(UUID priceListId) {
        return Boolean.TRUE.equals(jdbc.sql(LIST_EXISTS)
                .param("id", priceListId)
                .query(Boolean.class)
                .single());
    }
}
