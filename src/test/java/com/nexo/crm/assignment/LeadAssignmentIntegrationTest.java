package com.nexo.crm.assignment;

import static com.nexo.crm.CrmLeadFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Assignment rules applied to new leads without an owner: round robin among a team's members, also
 * when leads arrive at the same time, a rule by region naming one user, and a lead with an owner left
 * alone. Each test's rules take only leads with a tag or region of its own, so they touch no other test.
 */
@NexoSpringTest
class LeadAssignmentIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private AssignmentService rules;

    @Autowired
    private LeadService leads;

    private CrmLeadFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CrmLeadFixtures(context);
    }

    private UUID rule(AssignmentCondition condition, String value, UUID user, UUID team) {
        AssignmentRuleForm form = new AssignmentRuleForm();
        form.setName("Regla " + CrmLeadFixtures.word());
        form.setCondition(condition);
        form.setMatchValue(value);
        form.setUserId(user);
        form.setTeamId(team);
        return fixtures.as(CrmLeadFixtures.ADMIN, () -> rules.create(form));
    }

    private UUID newLead(String tag, String region, UUID owner) {
        LeadForm form = lead(owner);
        form.setTags(tag);
        form.setRegion(region);
        UUID id = fixtures.as(CrmLeadFixtures.ADMIN, () -> leads.create(form));
        return fixtures.as(CrmLeadFixtures.ADMIN, () -> leads.get(id)).ownerId();
    }

    @Test
    void new_leads_of_a_tag_go_in_turn_to_the_members_of_the_rules_team() {
        NexoUser a = fixtures.employee();
        NexoUser b = fixtures.employee();
        NexoUser c = fixtures.employee();
        UUID team = fixtures.team(a.userId(), b.userId(), c.userId());
        String tag = CrmLeadFixtures.word().toLowerCase();
        rule(AssignmentCondition.TAG, tag, null, team);

        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            owners.add(newLead(tag, null, null));
        }
        List<UUID> members = new ArrayList<>(List.of(a.userId(), b.userId(), c.userId()));
        members.sort(null);
        assertThat(owners)
                .containsExactly(
                        members.get(0), members.get(1), members.get(2), members.get(0), members.get(1), members.get(2));
        // A lead that has an owner keeps it.
        NexoUser chosen = fixtures.employee();
        assertThat(newLead(tag, null, chosen.userId())).isEqualTo(chosen.userId());
    }

    @Test
    void leads_arriving_at_the_same_time_still_take_turns() throws Exception {
        NexoUser a = fixtures.employee();
        NexoUser b = fixtures.employee();
        UUID team = fixtures.team(a.userId(), b.userId());
        String region = CrmLeadFixtures.word();
        rule(AssignmentCondition.REGION, region, null, team);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<UUID>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(() -> newLead(null, region, null));
            }
            List<UUID> owners = new ArrayList<>();
            for (Future<UUID> owner : pool.invokeAll(work)) {
                owners.add(owner.get());
            }
            assertThat(owners).filteredOn(a.userId()::equals).hasSize(4);
            assertThat(owners).filteredOn(b.userId()::equals).hasSize(4);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_region_rule_gives_its_leads_to_its_user_and_a_rule_names_a_user_or_a_team() {
        NexoUser user = fixtures.employee();
        String region = CrmLeadFixtures.word();
        rule(AssignmentCondition.REGION, region, user.userId(), null);
        assertThat(newLead(null, region.toUpperCase(), null)).isEqualTo(user.userId());

        AssignmentRuleForm neither = new AssignmentRuleForm();
        neither.setName("Sin destino");
        neither.setCondition(AssignmentCondition.TAG);
        neither.setMatchValue("x");
        assertThatThrownBy(() -> fixtures.as(CrmLeadFixtures.ADMIN, () -> rules.create(neither)))
                .isInstanceOfSatisfying(
                        LeadRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crm.assignment.validation.target-required"));
    }
}
