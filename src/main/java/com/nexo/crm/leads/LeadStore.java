package com.nexo.crm.leads;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.crm.visibility.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of leads. It filters by what the caller asks and by the visibility it is given; row-level
 * security keeps it inside the tenant. Callers check permissions first.
 */
@Component
class LeadStore {

    /** The list's order: newest first (index crm_lead_created_idx). */
    static final ListOrder NEWEST = ListOrder.keyset("l.created_at", "timestamptz", "l.id", true);

    private static final String ROW_COLUMNS = "l.id, l.person_name, l.company_name, l.email, l.source, l.status,"
            + " l.owner_id, l.created_at, jsonb_array_length(l.duplicates) AS duplicate_count";

    private static final String DETAIL_COLUMNS = "l.id, l.person_name, l.company_name, l.email, l.phone, l.tax_id,"
            + " l.source, l.source_detail, l.interest, l.region, l.tags, l.owner_id, l.team_id, l.status,"
            + " l.disqualified_reason, l.converted_at, l.converted_account_id, l.converted_contact_id,"
            + " l.converted_opportunity_id, l.created_at, l.version, l.duplicates";

    private static final RowMapper<LeadRow> ROW = (rs, i) -> new LeadRow(
            rs.getObject("id", UUID.class),
            rs.getString("person_name"),
            rs.getString("company_name"),
            rs.getString("email"),
            LeadSource.valueOf(rs.getString("source")),
            LeadStatus.valueOf(rs.getString("status")),
            rs.getObject("owner_id", UUID.class),
            instant(rs, "created_at"),
            rs.getInt("duplicate_count"));

    private final JdbcClient jdbc;

    LeadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<LeadRow> page(LeadFilter filter, Visibility visibility, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(ROW_COLUMNS).from("crm_lead l");
        visible(query, visibility);
        if (filter.status() != null) {
            query.where("l.status = :status", "status", filter.status().name());
        }
        if (filter.ownerId() != null) {
            query.where("l.owner_id = :owner", "owner", filter.ownerId());
        }
        if (filter.source() != null) {
            query.where("l.source = :source", "source", filter.source().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.where(
                    "(l.person_name ILIKE :text ESCAPE '\\' OR l.company_name ILIKE :text ESCAPE '\\'"
                            + " OR l.email ILIKE :text ESCAPE '\\')",
                    "text",
                    "%" + likeEscaped(filter.text().strip()) + "%");
        }
        return query.page(jdbc, NEWEST, after, limit, ROW);
    }

    private static void visible(ListQuery query, Visibility visibility) {
        if (visibility.all()) {
            return;
        }
        query.where(
                visibility.unowned()
                        ? "(l.owner_id = ANY(:owners) OR l.owner_id IS NULL)"
                        : "l.owner_id = ANY(:owners)",
                "owners",
                visibility.ownerArray());
    }

    Optional<LeadDetails> find(UUID id) {
        return jdbc.sql("SELECT " + DETAIL_COLUMNS + " FROM crm_lead l WHERE l.id = :id")
                .param("id", id)
                .query((rs, i) -> details(rs))
                .optional();
    }

    /** Locks the lead's row for a change (and reads it as it is now). */
    Optional<LeadDetails> lock(UUID id) {
        return jdbc.sql("SELECT " + DETAIL_COLUMNS + " FROM crm_lead l WHERE l.id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> details(rs))
                .optional();
    }

    void insert(UUID id, LeadForm form, List<LeadDuplicate> duplicates) {
        jdbc.sql("""
                        INSERT INTO crm_lead (id, person_name, company_name, email, phone, tax_id, source, source_detail,
                                              interest, region, tags, owner_id, team_id, duplicates)
                        VALUES (:id, :person, :company, :email, :phone, :tax, :source, :detail, :interest, :region,
                                CAST(:tags AS text[]), :owner, :team, CAST(:duplicates AS jsonb))
                        """)
                .param("id", id)
                .params(values(form))
                .param("duplicates", LeadDuplicates.toJson(duplicates))
                .update();
    }

    /** Writes the form's values over the lead; the caller checked the version under the row lock. */
    long update(UUID id, LeadForm form, List<LeadDuplicate> duplicates) {
        return jdbc.sql("""
                        UPDATE crm_lead SET person_name = :person, company_name = :company, email = :email, phone = :phone,
                               tax_id = :tax, source = :source, source_detail = :detail, interest = :interest,
                               region = :region, tags = CAST(:tags AS text[]), owner_id = :owner, team_id = :team,
                               duplicates = CAST(:duplicates AS jsonb), updated_at = now(), version = version + 1
                         WHERE id = :id
                        RETURNING version
                        """)
                .param("id", id)
                .params(values(form))
                .param("duplicates", LeadDuplicates.toJson(duplicates))
                .query(Long.class)
                .single();
    }

    long status(UUID id, LeadStatus status, String reason) {
        return jdbc.sql("""
                        UPDATE crm_lead SET status = :status, disqualified_reason = :reason, updated_at = now(),
                               version = version + 1
                         WHERE id = :id
                        RETURNING version
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("reason", reason)
                .query(Long.class)
                .single();
    }

    long converted(UUID id, UUID accountId, UUID contactId, UUID opportunityId) {
        return jdbc.sql("""
                        UPDATE crm_lead SET status = 'CONVERTED', converted_at = now(), converted_account_id = :account,
                               converted_contact_id = :contact, converted_opportunity_id = :opportunity,
                               updated_at = now(), version = version + 1
                         WHERE id = :id
                        RETURNING version
                        """)
                .param("id", id)
                .param("account", accountId)
                .param("contact", contactId)
                .param("opportunity", opportunityId)
                .query(Long.class)
                .single();
    }

    private static java.util.Map<String, Object> values(LeadForm form) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("person", form.getPersonName());
        values.put("company", form.getCompanyName());
        values.put("email", form.getEmail());
        values.put("phone", form.getPhone());
        values.put("tax", form.getTaxId());
        values.put("source", form.getSource().name());
        values.put("detail", form.getSourceDetail());
        values.put("interest", form.getInterest());
        values.put("region", form.getRegion());
        values.put("tags", form.tagList().toArray(String[]::new));
        values.put("owner", form.getOwnerId());
        values.put("team", form.getTeamId());
        return values;
    }

    private static LeadDetails details(ResultSet rs) throws SQLException {
        java.sql.Array tags = rs.getArray("tags");
        return new LeadDetails(
                rs.getObject("id", UUID.class),
                rs.getString("person_name"),
                rs.getString("company_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("tax_id"),
                LeadSource.valueOf(rs.getString("source")),
                rs.getString("source_detail"),
                rs.getString("interest"),
                rs.getString("region"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getObject("owner_id", UUID.class),
                null,
                rs.getObject("team_id", UUID.class),
                LeadStatus.valueOf(rs.getString("status")),
                rs.getString("disqualified_reason"),
                instant(rs, "converted_at"),
                rs.getObject("converted_account_id", UUID.class),
                rs.getObject("converted_contact_id", UUID.class),
                rs.getObject("converted_opportunity_id", UUID.class),
                instant(rs, "created_at"),
                rs.getLong("version"),
                LeadDuplicates.fromJson(rs.getString("duplicates")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
