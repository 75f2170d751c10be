package com.nexo.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which rule takes a new lead, and whose turn it is in a team. */
class AssignmentRulesTest {

    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BEA = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID CIRO = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static AssignmentRule rule(int position, AssignmentCondition condition, String value, boolean enabled) {
        return new AssignmentRule(
                UUID.randomUUID(), "r" + position, position, condition, value, ANA, null, null, enabled, 0);
    }

    @Test
    void the_first_enabled_rule_by_position_whose_condition_the_lead_meets_takes_it() {
        AssignmentRule tag = rule(1, AssignmentCondition.TAG, "Feria", true);
        AssignmentRule region = rule(2, AssignmentCondition.REGION, "Galicia", true);
        AssignmentRule any = rule(3, AssignmentCondition.ANY, null, true);
        AssignmentRule disabled = rule(0, AssignmentCondition.ANY, null, false);
        List<AssignmentRule> rules = List.of(any, region, disabled, tag);

        assertThat(AssignmentRules.firstMatching(rules, Set.of("feria "), "Madrid"))
                .contains(tag);
        assertThat(AssignmentRules.firstMatching(rules, Set.of("otra"), " galicia"))
                .contains(region);
        assertThat(AssignmentRules.firstMatching(rules, Set.of(), null)).contains(any);
        assertThat(AssignmentRules.firstMatching(List.of(tag, region, disabled), Set.of(), "Asturias"))
                .isEmpty();
    }

    @Test
    void round_robin_gives_the_next_member_in_id_order_and_wraps_round() {
        List<UUID> team = List.of(CIRO, ANA, BEA);
        assertThat(AssignmentRules.nextInTurn(team, null)).contains(ANA);
        assertThat(AssignmentRules.nextInTurn(team, ANA)).contains(BEA);
        assertThat(AssignmentRules.nextInTurn(team, BEA)).contains(CIRO);
        assertThat(AssignmentRules.nextInTurn(team, CIRO)).contains(ANA);
        // The last one left the team: the turn goes on from where it stood.
        assertThat(AssignmentRules.nextInTurn(List.of(ANA, CIRO), BEA)).contains(CIRO);
        assertThat(AssignmentRules.nextInTurn(List.of(), ANA)).isEmpty();
    }
}
