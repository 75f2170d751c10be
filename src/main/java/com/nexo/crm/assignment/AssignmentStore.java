package com.nexo.crm.assignment;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of assignment rules; callers check permissions, row-level security the tenant. */
@Component
class AssignmentStore {

    private static final String COLUMNS =
            "id, name, position, condition, match_value, user_id, team_id, last_user_id, enabled, version";

    static final RowMapper<AssignmentRule> RULE = (rs, i) -> new AssignmentRule(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getInt("position"),
            AssignmentCondition.valueOf(rs.getString("condition")),
            rs.getString("match_value"),
            rs.getObject("user_id", UUID.class),
            rs.getObject("team_id", UUID.class),
            rs.getObject("last_user_id", UUID.class),
            rs.getBoolean("enabled"),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AssignmentRule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crm_assignment_rule ORDER BY position, id")
                .query(RULE)
                .list();
    }

    List<AssignmentRule> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM crm_assignment_rule WHERE enabled ORDER BY position, id")
                .query(RULE)
                .list();
    }
}
