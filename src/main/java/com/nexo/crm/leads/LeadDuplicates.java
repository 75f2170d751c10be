package com.nexo.crm.leads;

import com.nexo.accounts.PartyMatch;
import com.nexo.accounts.PartyMatches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a lead may duplicate: other leads of the tenant with the same e-mail or phone or a very
 * similar person or company name, and the accounts and contacts the accounts module's duplicate
 * detection finds ({@link PartyMatches}). Runs inside the caller's transaction; stored with the lead
 * as JSON.
 */
@Component
class LeadDuplicates {

    /** The most similar leads kept. */
    static final int LEADS = 10;

    /** The accounts module's threshold for "very similar" names (its {@code DuplicateRules}). */
    static final double NAME_SIMILARITY = 0.6;

    private static final String LEADS_SQL = """
            SELECT id, person_name, company_name, same_email, same_phone, same_tax, sim FROM (
              SELECT id, person_name, company_name,
                     (:email <> '' AND lower(email) = :email) AS same_email,
                     (:phone <> '' AND regexp_replace(phone, '[^0-9]', '', 'g') = :phone) AS same_phone,
                     (:tax <> '' AND upper(regexp_replace(tax_id, '[^A-Za-z0-9]', '', 'g')) = :tax) AS same_tax,
                     greatest(CASE WHEN :person = '' OR person_name IS NULL THEN 0
                                   ELSE similarity(lower(person_name), :person) END,
                              CASE WHEN :company = '' OR company_name IS NULL THEN 0
                                   ELSE similarity(lower(company_name), :company) END) AS sim
                FROM crm_lead
               WHERE id IS DISTINCT FROM CAST(:self AS uuid)) l
             WHERE same_email OR same_phone OR same_tax OR sim >= :threshold
             ORDER BY same_email DESC, same_phone DESC, sim DESC, id
             LIMIT :limit
            """;

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<LeadDuplicate>> LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PartyMatches parties;

    LeadDuplicates(JdbcClient jdbc, PartyMatches parties) {
        this.jdbc = jdbc;
        this.parties = parties;
    }

    /** The duplicates of a lead with these values ({@code self}: the lead itself, null when new). */
    List<LeadDuplicate> find(UUID self, LeadForm lead) {
        String email = lower(lead.getEmail());
        String phone = digits(lead.getPhone());
        String tax = lead.getTaxId() == null
                ? ""
                : lead.getTaxId().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        List<LeadDuplicate> found = new ArrayList<>(jdbc.sql(LEADS_SQL)
                .param("self", self)
                .param("email", email)
                .param("phone", phone.length() >= 6 ? phone : "")
                .param("tax", tax)
                .param("person", lower(lead.getPersonName()))
                .param("company", lower(lead.getCompanyName()))
                .param("threshold", NAME_SIMILARITY)
                .param("limit", LEADS)
                .query((rs, i) -> {
                    List<String> reasons = new ArrayList<>();
                    if (rs.getBoolean("same_tax")) {
                        reasons.add(PartyMatch.Reason.SAME_TAX_ID.name());
                    }
                    if (rs.getBoolean("same_email")) {
                        reasons.add(PartyMatch.Reason.SAME_EMAIL.name());
                    }
                    if (rs.getBoolean("same_phone")) {
                        reasons.add(PartyMatch.Reason.SAME_PHONE.name());
                    }
                    if (rs.getDouble("sim") >= NAME_SIMILARITY) {
                        reasons.add(PartyMatch.Reason.SIMILAR_NAME.name());
                    }
                    return new LeadDuplicate(
                            LeadDuplicate.Kind.LEAD,
                            rs.getObject("id", UUID.class),
                            null,
                            LeadDetails.title(rs.getString("person_name"), rs.getString("company_name")),
                            null,
                            reasons);
                })
                .list());
        parties
                .matches(new PartyMatches.Probe(
                        lead.getPersonName(), lead.getCompanyName(), lead.getEmail(), lead.getPhone(), lead.getTaxId()))
                .stream()
                .sorted(Comparator.comparing(match -> match.kind().ordinal()))
                .map(match -> new LeadDuplicate(
                        match.kind() == PartyMatch.Kind.ACCOUNT
                                ? LeadDuplicate.Kind.ACCOUNT
                                : LeadDuplicate.Kind.CONTACT,
                        match.kind() == PartyMatch.Kind.ACCOUNT ? match.accountId() : match.contactId(),
                        match.accountId(),
                        match.name(),
                        match.accountName(),
                        match.reasons().stream().map(Enum::name).sorted().toList()))
                .forEach(found::add);
        return found;
    }

    static String toJson(List<LeadDuplicate> duplicates) {
        return JSON.writeValueAsString(duplicates);
    }

    static List<LeadDuplicate> fromJson(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LIST);
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[^0-9]", "");
    }
}
