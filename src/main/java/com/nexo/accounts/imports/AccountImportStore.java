package com.nexo.accounts.imports;

import com.nexo.accounts.account.Address;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of account imports: every statement takes a whole batch as arrays ({@code unnest}), so a
 * batch of thousands of rows is a handful of statements. Runs in the caller's transaction, under its
 * tenant's row-level security: tenant ids come from the column defaults, never from here. The derived
 * columns (name, tax id and search keys), the search words and the change history are kept by the
 * table's generated columns and triggers, as for any other write.
 */
@Component
class AccountImportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Address>> ADDRESSES = new TypeReference<>() {};

    private static final String COLUMNS = """
            id, version, code, kind, roles, legal_name, trade_name, tax_id, tax_id_key, country,
            addresses::text AS addresses, emails, phones, website, credit_limit, currency, language, tags, notes
            """;

    private static final String BY_CODE = "SELECT " + COLUMNS + " FROM account WHERE code = ANY (:keys) ORDER BY id";

    /** Merged accounts keep their tax id but are not the account to update any more. */
    private static final String BY_TAX_KEY =
            "SELECT " + COLUMNS + " FROM account WHERE tax_id_key = ANY (:keys) AND merged_into IS NULL ORDER BY id";

    private static final String CODES_TAKEN = "SELECT code, id FROM account WHERE code = ANY (:codes)";

    private static final String CONTACTS = "SELECT account_id, name, emails FROM contact WHERE account_id = ANY (:ids)";

    /** Takes {@code n} numbers of the tenant's code counter at once; returns the first. */
    private static final String TAKE_CODES = """
            INSERT INTO account_code_counter (next_value) VALUES (:n + 1) ON CONFLICT (tenant_id)
            DO UPDATE SET next_value = account_code_counter.next_value + :n RETURNING next_value - :n
            """;

    private static final String UNNEST_ACCOUNTS = """
            unnest(:ids, :codes, :kinds, :roles, :legalNames, :tradeNames, :taxIds, :countries, :addresses,
                   :emails, :phones, :websites, :creditLimits, :currencies, :languages, :tags, :notes)
                AS u (id, code, kind, roles, legal_name, trade_name, tax_id, country, addresses, emails, phones,
                      website, credit_limit, currency, language, tags, notes)
            """;

    private static final String INSERT = """
            INSERT INTO account (id, code, kind, roles, legal_name, trade_name, tax_id, country, addresses, emails,
                                 phones, website, credit_limit, currency, language, tags, notes)
            SELECT u.id, u.code, u.kind, CAST(u.roles AS text[]), u.legal_name, u.trade_name, u.tax_id, u.country,
                   CAST(u.addresses AS jsonb), CAST(u.emails AS text[]), CAST(u.phones AS text[]), u.website,
                   u.credit_limit, u.currency, u.language, CAST(u.tags AS text[]), u.notes
            """ + " FROM " + UNNEST_ACCOUNTS;

    /** Every column an import writes (unmapped ones get their own values back), as an edit bumps the version. */
    private static final String UPDATE = """
            UPDATE account a
               SET code = u.code, kind = u.kind, roles = CAST(u.roles AS text[]), legal_name = u.legal_name,
                   trade_name = u.trade_name, tax_id = u.tax_id, country = u.country,
                   addresses = CAST(u.addresses AS jsonb), emails = CAST(u.emails AS text[]),
                   phones = CAST(u.phones AS text[]), website = u.website, credit_limit = u.credit_limit,
                   currency = u.currency, language = u.language, tags = CAST(u.tags AS text[]), notes = u.notes,
                   version = a.version + 1, updated_at = now()
            """ + " FROM " + UNNEST_ACCOUNTS + """
             WHERE a.id = u.id
            RETURNING a.id, a.version
            """;

    private static final String INSERT_CONTACTS = """
            INSERT INTO contact (id, account_id, name, position, emails, phones, is_primary)
            SELECT u.id, u.account_id, u.name, u.position, CAST(u.emails AS text[]), CAST(u.phones AS text[]),
                   u.is_primary
              FROM unnest(:ids, :accounts, :names, :positions, :emails, :phones, :primaries)
                   AS u (id, account_id, name, position, emails, phones, is_primary)
            """;

    private static final String VERSIONS = "SELECT id, version FROM account WHERE id = ANY (:ids) ORDER BY id";

    private static final String ARCHIVE = """
            UPDATE account SET archived = true, version = version + 1, updated_at = now()
             WHERE id = ANY (:ids) AND NOT archived
            """;

    private static final String DELETE_CONTACTS = "DELETE FROM contact WHERE id = ANY (:ids)";

    /**
     * The previous values of each account's changed columns (a JSON object by column) back in place.
     * A code another account took since stays as it is (the unique key would refuse the whole batch).
     */
    private static final String RESTORE = """
            UPDATE account a
               SET code = CASE WHEN u.p -> 'code' IS NOT NULL AND NOT EXISTS (
                                   SELECT FROM account o WHERE o.code = u.p ->> 'code' AND o.id <> a.id)
                               THEN u.p ->> 'code' ELSE a.code END,
                   kind = CASE WHEN u.p -> 'kind' IS NOT NULL THEN u.p ->> 'kind' ELSE a.kind END,
                   roles = CASE WHEN u.p -> 'roles' IS NOT NULL
                                THEN ARRAY(SELECT jsonb_array_elements_text(u.p -> 'roles')) ELSE a.roles END,
                   legal_name = CASE WHEN u.p -> 'legal_name' IS NOT NULL THEN u.p ->> 'legal_name' ELSE a.legal_name END,
                   trade_name = CASE WHEN u.p -> 'trade_name' IS NOT NULL THEN u.p ->> 'trade_name' ELSE a.trade_name END,
                   tax_id = CASE WHEN u.p -> 'tax_id' IS NOT NULL THEN u.p ->> 'tax_id' ELSE a.tax_id END,
                   country = CASE WHEN u.p -> 'country' IS NOT NULL THEN u.p ->> 'country' ELSE a.country END,
                   addresses = CASE WHEN u.p -> 'addresses' IS NOT NULL THEN u.p -> 'addresses' ELSE a.addresses END,
                   emails = CASE WHEN u.p -> 'emails' IS NOT NULL
                                 THEN ARRAY(SELECT jsonb_array_elements_text(u.p -> 'emails')) ELSE a.emails END,
                   phones = CASE WHEN u.p -> 'phones' IS NOT NULL
                                 THEN ARRAY(SELECT jsonb_array_elements_text(u.p -> 'phones')) ELSE a.phones END,
                   website = CASE WHEN u.p -> 'website' IS NOT NULL THEN u.p ->> 'website' ELSE a.website END,
                   credit_limit = CASE WHEN u.p -> 'credit_limit' IS NOT NULL
                                       THEN CAST(u.p ->> 'credit_limit' AS numeric) ELSE a.credit_limit END,
                   currency = CASE WHEN u.p -> 'currency' IS NOT NULL THEN u.p ->> 'currency' ELSE a.currency END,
                   language = CASE WHEN u.p -> 'language' IS NOT NULL THEN u.p ->> 'language' ELSE a.language END,
                   tags = CASE WHEN u.p -> 'tags' IS NOT NULL
                               THEN ARRAY(SELECT jsonb_array_elements_text(u.p -> 'tags')) ELSE a.tags END,
                   notes = CASE WHEN u.p -> 'notes' IS NOT NULL THEN u.p ->> 'notes' ELSE a.notes END,
                   version = a.version + 1, updated_at = now()
              FROM unnest(:ids, CAST(:previous AS jsonb[])) AS u (id, p)
             WHERE a.id = u.id AND u.p <> '{}'
            """;

    private static final String DELETE_ACCOUNTS = "DELETE FROM account WHERE id = ANY (?)";

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AccountImportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new account's values with its id; a contact to add with its id and account. */
    record NewAccount(UUID id, AccountColumns columns) {}

    record NewContact(
            UUID id,
            UUID accountId,
            String name,
            String position,
            List<String> emails,
            List<String> phones,
            boolean primary) {}

    /** A contact an account has, as far as an import compares it (name and e-mails). */
    record ContactSeen(UUID accountId, String name, List<String> emails) {}

    /** Accounts whose code is one of {@code codes}; locked for the rest of the transaction if {@code lock}. */
    List<AccountColumns.Stored> byCode(Collection<String> codes, boolean lock) {
        return find(BY_CODE, codes, lock);
    }

    /** Accounts (not merged into another) whose tax id key is one of {@code keys}. */
    List<AccountColumns.Stored> byTaxKey(Collection<String> keys, boolean lock) {
        return find(BY_TAX_KEY, keys, lock);
    }

    private List<AccountColumns.Stored> find(String sql, Collection<String> keys, boolean lock) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(lock ? sql + " FOR UPDATE" : sql)
                .param("keys", texts(keys))
                .query((row, i) -> new AccountColumns.Stored(
                        row.getObject("id", UUID.class),
                        row.getLong("version"),
                        new AccountColumns(
                                row.getString("code"),
                                row.getString("kind"),
                                strings(row.getArray("roles")),
                                row.getString("legal_name"),
                                row.getString("trade_name"),
                                row.getString("tax_id"),
                                row.getString("country"),
                                JSON.readValue(row.getString("addresses"), ADDRESSES),
                                strings(row.getArray("emails")),
                                strings(row.getArray("phones")),
                                row.getString("website"),
                                row.getBigDecimal("credit_limit"),
                                row.getString("currency"),
                                row.getString("language"),
                                strings(row.getArray("tags")),
                                row.getString("notes"))))
                .list();
    }

    /** Which of these codes accounts have, and which account has each. */
    Map<String, UUID> codesTaken(Collection<String> codes) {
        Map<String, UUID> taken = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql(CODES_TAKEN).param("codes", texts(codes)).query(row -> {
                taken.put(row.getString("code"), row.getObject("id", UUID.class));
            });
        }
        return taken;
    }

    /** The contacts of these accounts. */
    List<ContactSeen> contactsOf(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CONTACTS)
                .param("ids", uuids(accountIds))
                .query((row, i) -> new ContactSeen(
                        row.getObject("account_id", UUID.class),
                        row.getString("name"),
                        strings(row.getArray("emails"))))
                .list();
    }

    /**
     * {@code count} new codes, numbered as the account service numbers them (the tenant's counter, six
     * digits), skipping codes accounts already have and those in {@code reserved} (the file's own).
     */
    List<String> takeCodes(int count, Set<String> reserved) {
        List<String> codes = new ArrayList<>(count);
        while (codes.size() < count) {
            int wanted = count - codes.size();
            long first =
                    jdbc.sql(TAKE_CODES).param("n", wanted).query(Long.class).single();
            List<String> candidates = new ArrayList<>(wanted);
            for (long value = first; value < first + wanted; value++) {
                candidates.add(String.format(Locale.ROOT, "%06d", value));
            }
            Set<String> taken = codesTaken(candidates).keySet();
            candidates.stream()
                    .filter(code -> !taken.contains(code) && !reserved.contains(code))
                    .forEach(codes::add);
        }
        return codes;
    }

    void insert(List<NewAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        bindAccounts(
                        jdbc.sql(INSERT),
                        accounts.stream().map(NewAccount::id).toList(),
                        accounts.stream().map(NewAccount::columns).toList())
                .update();
    }

    /** Writes the accounts' values over them; returns each account's version after the write. */
    Map<UUID, Long> update(List<AccountColumns.Stored> accounts) {
        Map<UUID, Long> versions = new HashMap<>();
        if (accounts.isEmpty()) {
            return versions;
        }
        bindAccounts(
                        jdbc.sql(UPDATE),
                        accounts.stream().map(AccountColumns.Stored::id).toList(),
                        accounts.stream().map(AccountColumns.Stored::columns).toList())
                .query(row -> {
                    versions.put(row.getObject("id", UUID.class), row.getLong("version"));
                });
        return versions;
    }

    void insertContacts(List<NewContact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_CONTACTS)
                .param("ids", uuids(contacts.stream().map(NewContact::id).toList()))
                .param(
                        "accounts",
                        uuids(contacts.stream().map(NewContact::accountId).toList()))
                .param("names", texts(contacts.stream().map(NewContact::name).toList()))
                .param(
                        "positions",
                        texts(contacts.stream().map(NewContact::position).toList()))
                .param(
                        "emails",
                        arrayLiterals(contacts.stream().map(NewContact::emails).toList()))
                .param(
                        "phones",
                        arrayLiterals(contacts.stream().map(NewContact::phones).toList()))
                .param(
                        "primaries",
                        new SqlArrayValue(
                                "bool",
                                contacts.stream().map(NewContact::primary).toArray()))
                .update();
    }

    /** The current version of each of these accounts that still exists; locked if {@code lock}. */
    Map<UUID, Long> versions(Collection<UUID> ids, boolean lock) {
        Map<UUID, Long> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(lock ? VERSIONS + " FOR UPDATE" : VERSIONS)
                    .param("ids", uuids(ids))
                    .query(row -> {
                        versions.put(row.getObject("id", UUID.class), row.getLong("version"));
                    });
        }
        return versions;
    }

    void archive(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(ARCHIVE).param("ids", uuids(ids)).update();
        }
    }

    void deleteContacts(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(DELETE_CONTACTS).param("ids", uuids(ids)).update();
        }
    }

    /** Puts back each account's previous values (a JSON object of column to value), by account id. */
    void restore(Map<UUID, String> previous) {
        if (previous.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(previous.keySet());
        jdbc.sql(RESTORE)
                .param("ids", uuids(ids))
                .param("previous", texts(ids.stream().map(previous::get).toList()))
                .update();
    }

    /**
     * Deletes the accounts (their contacts go with them) and returns those that could not be deleted
     * because a record of another module refers to them through a foreign key that no
     * {@link com.nexo.accounts.AccountReferences} counts: the caller archives those instead. One
     * statement for all; only if it fails is each account tried on its own, each in a savepoint.
     */
    Set<UUID> deleteOrKeepReferred(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return template.execute((ConnectionCallback<Set<UUID>>) connection -> {
            if (deleted(connection, ids)) {
                return Set.of();
            }
            Set<UUID> kept = new HashSet<>();
            for (UUID id : ids) {
                if (!deleted(connection, List.of(id))) {
                    kept.add(id);
                }
            }
            return kept;
        });
    }

    private static boolean deleted(Connection connection, Collection<UUID> ids) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ACCOUNTS)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private static JdbcClient.StatementSpec bindAccounts(
            JdbcClient.StatementSpec statement, List<UUID> ids, List<AccountColumns> rows) {
        return statement
                .param("ids", uuids(ids))
                .param("codes", texts(column(rows, AccountColumns::code)))
                .param("kinds", texts(column(rows, AccountColumns::kind)))
                .param("roles", arrayLiterals(column(rows, AccountColumns::roles)))
                .param("legalNames", texts(column(rows, AccountColumns::legalName)))
                .param("tradeNames", texts(column(rows, AccountColumns::tradeName)))
                .param("taxIds", texts(column(rows, AccountColumns::taxId)))
                .param("countries", texts(column(rows, AccountColumns::country)))
                .param("addresses", texts(column(rows, row -> JSON.writeValueAsString(row.addresses()))))
                .param("emails", arrayLiterals(column(rows, AccountColumns::emails)))
                .param("phones", arrayLiterals(column(rows, AccountColumns::phones)))
                .param("websites", texts(column(rows, AccountColumns::website)))
                .param(
                        "creditLimits",
                        new SqlArrayValue(
                                "numeric",
                                column(rows, AccountColumns::creditLimit).toArray(BigDecimal[]::new)))
                .param("currencies", texts(column(rows, AccountColumns::currency)))
                .param("languages", texts(column(rows, AccountColumns::language)))
                .param("tags", arrayLiterals(column(rows, AccountColumns::tags)))
                .param("notes", texts(column(rows, AccountColumns::notes)));
    }

    private static <T> List<T> column(List<AccountColumns> rows, Function<AccountColumns, T> value) {
        return rows.stream().map(value).toList();
    }

    private static SqlArrayValue uuids(Collection<UUID> ids) {
        return new SqlArrayValue("uuid", ids.toArray());
    }

    private static SqlArrayValue texts(Collection<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }

    /**
     * Lists of texts, one per row, each as a PostgreSQL array literal: arrays of arrays of different
     * lengths cannot be passed as one parameter, so each row's list travels as text and is cast back.
     */
    private static SqlArrayValue arrayLiterals(List<List<String>> lists) {
        return texts(lists.stream().map(AccountImportStore::arrayLiteral).toList());
    }

    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static tools.jackson.databind.JsonNode readJson(String json) {
        return JSON.readTree(json);
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
