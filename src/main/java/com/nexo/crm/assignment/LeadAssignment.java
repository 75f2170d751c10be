package com.nexo.crm.assignment;

import com.nexo.security.UserDirectory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a new lead without an owner one by the tenant's rules, inside the transaction that creates
 * it (the leads service calls it after its own permission check). A team's turn is taken with the
 * rule's row locked, so two leads created at once go to two members.
 */
@Component
public class LeadAssignment {

    /** The owner, and the team whose turn gave it (null for a rule naming a user). */
    public record Assignment(UUID ownerId, UUID teamId, UUID ruleId) {}

    private final JdbcClient jdbc;
    private final AssignmentStore store;
    private final UserDirectory users;

    LeadAssignment(JdbcClient jdbc, AssignmentStore store, UserDirectory users) {
        this.jdbc = jdbc;
        this.store = store;
        this.users = users;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Assignment> assign(Collection<String> tags, String region) {
        Optional<AssignmentRule> chosen = AssignmentRules.firstMatching(store.enabled(), tags, region);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        AssignmentRule rule = chosen.get();
        if (rule.userId() != null) {
            return Optional.of(new Assignment(rule.userId(), null, rule.id()));
        }
        // Lock the rule's row: the turn read here is the one written below, whoever else is assigning.
        UUID last = jdbc.sql("SELECT last_user_id FROM crm_assignment_rule WHERE id = :id FOR UPDATE")
                .param("id", rule.id())
                .query(UUID.class)
                .optional()
                .orElse(null);
        Set<UUID> active = new HashSet<>();
        users.activeEmployees().forEach(user -> active.add(user.id()));
        List<UUID> members = jdbc
                .sql("SELECT user_id FROM crm_team_member WHERE team_id = :team")
                .param("team", rule.teamId())
                .query(UUID.class)
                .list()
                .stream()
                .filter(active::contains)
                .toList();
        Optional<UUID> next = AssignmentRules.nextInTurn(members, last);
        next.ifPresent(user -> jdbc.sql("UPDATE crm_assignment_rule SET last_user_id = :user WHERE id = :id")
                .param("user", user)
                .param("id", rule.id())
                .update());
        return next.map(user -> new Assignment(user, rule.teamId(), rule.id()));
    }
}
