package com.nexo.crm.pipelines;

import com.nexo.base.Ids;
import com.nexo.crm.CrmPermissions;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM's settings that opportunities stand on: pipelines and their stages (each with the
 * probability an opportunity takes when it enters it), the reasons an opportunity is lost, and the
 * sales teams with their members. Anyone who reads the CRM reads them; changing them needs
 * {@link CrmPermissions#SETTINGS}. Nothing is deleted once opportunities may refer to it: pipelines,
 * stages, reasons and teams are archived.
 */
@Service
public class PipelineService {

    private static final int NAME_MAX = 120;
    private static final int STAGE_NAME_MAX = 80;

    private static final RowMapper<PipelineRow> PIPELINE = (rs, n) -> new PipelineRow(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getInt("position"),
            rs.getBoolean("is_default"),
            rs.getBoolean("archived"));

    private static final RowMapper<StageRow> STAGE = (rs, n) -> new StageRow(
            rs.getObject("id", UUID.class),
            rs.getObject("pipeline_id", UUID.class),
            rs.getString("name"),
            rs.getInt("position"),
            rs.getInt("probability"),
            rs.getBoolean("archived"));

    private static final RowMapper<LostReasonRow> REASON = (rs, n) -> new LostReasonRow(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"), rs.getBoolean("archived"));

    private final JdbcClient jdbc;
    private final UserDirectory users;

    PipelineService(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Every pipeline, archived ones too, the default first, then by position and name. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<PipelineRow> pipelines() {
        return jdbc.sql("""
                        SELECT id, name, position, is_default, archived FROM crm_pipeline
                         ORDER BY archived, is_default DESC, position, lower(name), id""").query(PIPELINE).list();
    }

    /** The pipelines a board or a new opportunity may use: not archived, the default first. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<PipelineRow> activePipelines() {
        return pipelines().stream().filter(p -> !p.archived()).toList();
    }

    /** The default pipeline, else the first active one; empty when the tenant has none yet. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public Optional<PipelineRow> defaultPipeline() {
        return activePipelines().stream().findFirst();
    }

    /** The stages of a pipeline, archived ones too, left to right. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<StageRow> stages(UUID pipelineId) {
        return jdbc.sql("""
                        SELECT id, pipeline_id, name, position, probability, archived FROM crm_stage
                         WHERE pipeline_id = :pipeline ORDER BY position, id""").param("pipeline", pipelineId).query(STAGE).list();
    }

    /** The stages a board shows and an opportunity may enter: not archived, left to right. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<StageRow> activeStages(UUID pipelineId) {
        return stages(pipelineId).stream().filter(s -> !s.archived()).toList();
    }

    /** One stage, archived or not. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public Optional<StageRow> stage(UUID stageId) {
        return jdbc.sql("SELECT id, pipeline_id, name, position, probability, archived FROM crm_stage WHERE id = :id")
                .param("id", stageId)
                .query(STAGE)
                .optional();
    }

    /** The lost reasons, archived ones last. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<LostReasonRow> lostReasons() {
        return jdbc.sql(
                        "SELECT id, name, position, archived FROM crm_lost_reason ORDER BY archived, position, lower(name), id")
                .query(REASON)
                .list();
    }

    /** The lost reasons a user may pick. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<LostReasonRow> activeLostReasons() {
        return lostReasons().stream().filter(r -> !r.archived()).toList();
    }

    /** The teams with their members, archived teams last. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS, Roles.SYSTEM})
    public List<TeamRow> teams() {
        Map<UUID, List<UUID>> members = new HashMap<>();
        jdbc.sql("SELECT team_id, user_id FROM crm_team_member").query(rs -> {
            members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
        });
        Map<UUID, String> names =
                users.namesOf(members.values().stream().flatMap(List::stream).toList());
        return jdbc.sql("SELECT id, name, archived FROM crm_team ORDER BY archived, lower(name), id")
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<TeamRow.Member> list = members.getOrDefault(id, List.of()).stream()
                            .map(user -> new TeamRow.Member(user, names.getOrDefault(user, "")))
                            .sorted(java.util.Comparator.comparing(m -> m.name().toLowerCase(java.util.Locale.ROOT)))
                            .toList();
                    return new TeamRow(id, rs.getString("name"), rs.getBoolean("archived"), list);
                })
                .list();
    }

    // ---- pipelines -----------------------------------------------------------------------------

    /** A new pipeline with no stages; the tenant's first one becomes its default. */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public UUID createPipeline(String name) {
        String clean = name(name, NAME_MAX);
        UUID id = Ids.newId();
        unique(() -> jdbc.sql("""
                        INSERT INTO crm_pipeline (id, name, position, is_default)
                        SELECT :id, :name, COALESCE(max(position) + 1, 0), NOT EXISTS (SELECT FROM crm_pipeline WHERE is_default)
                          FROM crm_pipeline""").param("id", id).param("name", clean).update());
        return id;
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void renamePipeline(UUID pipelineId, String name) {
        String clean = name(name, NAME_MAX);
        rename("crm_pipeline", pipelineId, clean);
    }

    /** Makes the pipeline the one new opportunities and the board open in. */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void makeDefault(UUID pipelineId) {
        PipelineRow pipeline = pipeline(pipelineId);
        if (pipeline.archived()) {
            throw new PipelineRuleException("crm.settings.error.archived-default");
        }
        jdbc.sql("UPDATE crm_pipeline SET is_default = false, updated_at = now() WHERE is_default AND id <> :id")
                .param("id", pipelineId)
                .update();
        jdbc.sql("UPDATE crm_pipeline SET is_default = true, updated_at = now() WHERE id = :id")
                .param("id", pipelineId)
                .update();
    }

    /** Archives (true) or restores (false) a pipeline; the default one cannot be archived. */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void archivePipeline(UUID pipelineId, boolean archived) {
        PipelineRow pipeline = pipeline(pipelineId);
        if (archived && pipeline.isDefault()) {
            throw new PipelineRuleException("crm.settings.error.archived-default");
        }
        archive("crm_pipeline", pipelineId, archived);
    }

    private PipelineRow pipeline(UUID pipelineId) {
        return jdbc.sql("SELECT id, name, position, is_default, archived FROM crm_pipeline WHERE id = :id")
                .param("id", pipelineId)
                .query(PIPELINE)
                .optional()
                .orElseThrow(() -> new PipelineRuleException("crm.settings.error.not-found"));
    }

    // ---- stages --------------------------------------------------------------------------------

    /** A new stage at the right end of the pipeline. */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public UUID addStage(UUID pipelineId, String name, int probability) {
        pipeline(pipelineId);
        String clean = name(name, STAGE_NAME_MAX);
        probability(probability);
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO crm_stage (id, pipeline_id, name, position, probability)
                        SELECT :id, :pipeline, :name, COALESCE(max(position) + 1, 0), :probability
                          FROM crm_stage WHERE pipeline_id = :pipeline""")
                .param("id", id)
                .param("pipeline", pipelineId)
                .param("name", clean)
                .param("probability", probability)
                .update();
        return id;
    }

    /**
     * Renames a stage and sets its default probability (what opportunities take when they enter it
     * from now on; those already in it keep theirs).
     */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void updateStage(UUID stageId, String name, int probability) {
        String clean = name(name, STAGE_NAME_MAX);
        probability(probability);
        changed(jdbc.sql("""
                        UPDATE crm_stage SET name = :name, probability = :probability, updated_at = now(),
                               version = version + 1
                         WHERE id = :id""")
                .param("id", stageId)
                .param("name", clean)
                .param("probability", probability)
                .update());
    }

    /** Moves a stage one place to the left ({@code -1}) or right ({@code +1}) among its pipeline's. */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void moveStage(UUID stageId, int direction) {
        StageRow stage = stage(stageId).orElseThrow(() -> new PipelineRuleException("crm.settings.error.not-found"));
        List<StageRow> stages = new ArrayList<>(stages(stage.pipelineId()));
        int from = stages.indexOf(stage);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= stages.size() || direction == 0) {
            return;
        }
        stages.add(to, stages.remove(from));
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).position() != i) {
                jdbc.sql("UPDATE crm_stage SET position = :position, updated_at = now() WHERE id = :id")
                        .param("id", stages.get(i).id())
                        .param("position", i)
                        .update();
            }
        }
    }

    /**
     * Archives (true) or restores (false) a stage. An archived stage leaves the board; a stage with
     * open opportunities cannot be archived (move them first), nor the last active stage of a pipeline.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void archiveStage(UUID stageId, boolean archived) {
        StageRow stage = stage(stageId).orElseThrow(() -> new PipelineRuleException("crm.settings.error.not-found"));
        if (archived) {
            boolean open = jdbc.sql(
                            "SELECT EXISTS (SELECT FROM crm_opportunity WHERE stage_id = :id AND status = 'OPEN')")
                    .param("id", stageId)
                    .query(Boolean.class)
                    .single();
            if (open) {
                throw new PipelineRuleException("crm.settings.error.stage-has-open");
            }
        }
        archive("crm_stage", stage.id(), archived);
    }

    // ---- lost reasons --------------------------------------------------------------------------

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public UUID addLostReason(String name) {
        String clean = name(name, NAME_MAX);
        UUID id = Ids.newId();
        unique(() -> jdbc.sql("""
                        INSERT INTO crm_lost_reason (id, name, position)
                        SELECT :id, :name, COALESCE(max(position) + 1, 0) FROM crm_lost_reason""").param("id", id).param("name", clean).update());
        return id;
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void renameLostReason(UUID reasonId, String name) {
        String clean = name(name, NAME_MAX);
        rename("crm_lost_reason", reasonId, clean);
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void archiveLostReason(UUID reasonId, boolean archived) {
        archive("crm_lost_reason", reasonId, archived);
    }

    // ---- teams ---------------------------------------------------------------------------------

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public UUID createTeam(String name) {
        String clean = name(name, NAME_MAX);
        UUID id = Ids.newId();
        unique(() -> jdbc.sql("INSERT INTO crm_team (id, name) VALUES (:id, :name)")
                .param("id", id)
                .param("name", clean)
                .update());
        return id;
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void renameTeam(UUID teamId, String name) {
        String clean = name(name, NAME_MAX);
        rename("crm_team", teamId, clean);
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void archiveTeam(UUID teamId, boolean archived) {
        archive("crm_team", teamId, archived);
    }

    /** Adds an employee of the tenant to a team (nothing happens when it is a member already). */
    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void addMember(UUID teamId, UUID userId) {
        if (!users.isEmployee(userId)) {
            throw new PipelineRuleException("crm.settings.error.not-an-employee");
        }
        changed(jdbc.sql("""
                        INSERT INTO crm_team_member (team_id, user_id)
                        SELECT id, :user FROM crm_team WHERE id = :team
                        ON CONFLICT DO NOTHING""").param("team", teamId).param("user", userId).update() + (teamExists(teamId) ? 1 : 0));
    }

    @Transactional
    @RolesAllowed({CrmPermissions.SETTINGS, Roles.SYSTEM})
    public void removeMember(UUID teamId, UUID userId) {
        jdbc.sql("DELETE FROM crm_team_member WHERE team_id = :team AND user_id = :user")
                .param("team", teamId)
                .param("user", userId)
                .update();
    }

    private boolean teamExists(UUID teamId) {
        return jdbc.sql("SELECT EXISTS (SELECT FROM crm_team WHERE id = :id)")
                .param("id", teamId)
                .query(Boolean.class)
                .single();
    }

    // ---- checks --------------------------------------------------------------------------------

    private static String name(String name, int max) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new PipelineRuleException("crm.settings.error.name-required");
        }
        if (clean.length() > max || clean.chars().anyMatch(Character::isISOControl)) {
            throw new PipelineRuleException("crm.settings.error.name-invalid", max);
        }
        return clean;
    }

    private static void probability(int probability) {
        if (probability < 0 || probability > 100) {
            throw new PipelineRuleException("crm.settings.error.probability");
        }
    }

    /** Renames a row of one of this service's tables ({@code table} is a constant of this class's). */
    private void rename(String table, UUID id, String name) {
        changed(unique(() -> jdbc.sql("UPDATE " + table
                        + " SET name = :name, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .update()));
    }

    /** Archives (true) or restores (false) a row of one of this service's tables; refused when it is not there. */
    private void archive(String table, UUID id, boolean archived) {
        changed(jdbc.sql("UPDATE " + table
                        + " SET archived = :archived, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("archived", archived)
                .update());
    }

    private static void changed(int rows) {
        if (rows == 0) {
            throw new PipelineRuleException("crm.settings.error.not-found");
        }
    }

    private static int unique(java.util.function.IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DuplicateKeyException e) {
            throw new PipelineRuleException("crm.settings.error.name-taken");
        }
    }
}
