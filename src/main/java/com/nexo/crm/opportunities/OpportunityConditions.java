package com.nexo.crm.opportunities;

import com.nexo.base.paging.ListQuery;
import com.nexo.crm.visibility.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The WHERE conditions of a read of opportunities (alias {@code o}): the user's visibility and a
 * filter, with their named parameters. The list, the board and the board's totals all read through
 * it, so a card, its column's count and a list row never disagree. The account part of the search
 * comes from the accounts module as ids ({@code accountMatches}).
 */
public final class OpportunityConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private OpportunityConditions() {}

    public static OpportunityConditions of(
            Visibility visibility, OpportunityFilter filter, Collection<UUID> accountMatches) {
        OpportunityConditions c = new OpportunityConditions();
        if (!visibility.all()) {
            c.params.put("vis_owners", visibility.ownerArray());
            c.conditions.add(
                    visibility.unowned()
                            ? "(o.owner_id = ANY(:vis_owners) OR o.owner_id IS NULL)"
                            : "o.owner_id = ANY(:vis_owners)");
        }
        if (filter.pipelineId() != null) {
            c.add("o.pipeline_id = :f_pipeline", "f_pipeline", filter.pipelineId());
        }
        if (filter.status() != null) {
            c.add("o.status = :f_status", "f_status", filter.status().name());
        }
        if (filter.ownerId() != null) {
            c.add("o.owner_id = :f_owner", "f_owner", filter.ownerId());
        }
        if (filter.closeFrom() != null) {
            c.add("o.expected_close >= :f_from", "f_from", filter.closeFrom());
        }
        if (filter.closeTo() != null) {
            c.add("o.expected_close <= :f_to", "f_to", filter.closeTo());
        }
        if (filter.text() != null) {
            c.params.put("f_text", "%" + likeEscaped(filter.text()) + "%");
            c.params.put("f_accounts", accountMatches.toArray(UUID[]::new));
            c.conditions.add("(o.title ILIKE :f_text OR o.account_id = ANY(:f_accounts))");
        }
        return c;
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    /** The conditions AND-ed, starting with " AND " (empty when none). */
    public String and() {
        return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return new LinkedHashMap<>(params);
    }

    /** Adds the conditions and their parameters to a list query. */
    public ListQuery applyTo(ListQuery query) {
        conditions.forEach(query::where);
        params.forEach(query::param);
        return query;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
