package com.nexo.crm.pipelines.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.pipelines.LostReasonRow;
import com.nexo.crm.pipelines.PipelineRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.crm.pipelines.TeamRow;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CRM's settings: pipelines (add, rename, make default, archive) and their stages (add, rename
 * with the default probability, reorder, archive), lost reasons and sales teams with their members;
 * links to the settings other parts of the CRM keep on pages of their own.
 */
@Route("crm/settings")
@RolesAllowed(CrmPermissions.SETTINGS)
@Menu(title = "menu.crm-settings", order = 15.9, icon = "vaadin:cog-o")
@StyleSheet("styles/crm.css")
public class CrmSettingsView extends Main implements HasDynamicTitle {

    private final transient PipelineService pipelines;
    private final transient UserDirectory users;

    final ComboBox<PipelineRow> pipeline = new ComboBox<>();
    final TextField newPipeline = new TextField();
    final Button addPipeline = new Button();
    final Button renamePipeline = new Button();
    final Button makeDefault = new Button();
    final Button archivePipeline = new Button();
    final Grid<StageRow> stages = new Grid<>();
    final TextField newStage = new TextField();
    final IntegerField newStageProbability = new IntegerField();
    final Button addStage = new Button();
    final Grid<LostReasonRow> reasons = new Grid<>();
    final TextField newReason = new TextField();
    final Button addReason = new Button();
    final Grid<TeamRow> teams = new Grid<>();
    final TextField newTeam = new TextField();
    final Button addTeam = new Button();
    final TabSheet tabs = new TabSheet();

    public CrmSettingsView(PipelineService pipelines, UserDirectory users) {
        this.pipelines = pipelines;
        this.users = users;
        addClassName("crm-settings");
        Div links = new Div();
        links.addClassName("crm-settings-links");
        // Other parts of the CRM keep these settings on pages of their own.
        links.add(
                new Anchor("crm/settings/web-forms", getTranslation("crm.settings.web-forms")),
                new Anchor("crm/settings/assignment", getTranslation("crm.settings.assignment")),
                new Anchor("crm/settings/stage-rules", getTranslation("crm.settings.stage-rules")),
                new Anchor("crm/settings/targets", getTranslation("crm.settings.targets")));
        tabs.setWidthFull();
        tabs.add(getTranslation("crm.settings.pipelines"), pipelinesTab());
        tabs.add(getTranslation("crm.settings.lost-reasons"), reasonsTab());
        tabs.add(getTranslation("crm.settings.teams"), teamsTab());
        add(new H2(getTranslation("crm.settings.title")), links, tabs);
        refreshPipelines(null);
        refreshReasons();
        refreshTeams();
    }

    // ---- pipelines and stages ------------------------------------------------------------------

    private Component pipelinesTab() {
        pipeline.setLabel(getTranslation("crm.board.pipeline"));
        pipeline.setItemLabelGenerator(p -> p.name()
                + (p.isDefault() ? " · " + getTranslation("crm.settings.default") : "")
                + (p.archived() ? " · " + getTranslation("crm.settings.archived") : ""));
        pipeline.addValueChangeListener(event -> showPipeline());
        renamePipeline.setText(getTranslation("crm.settings.rename"));
        renamePipeline.addClickListener(click -> new NameDialog(
                        getTranslation("crm.settings.rename"),
                        pipeline.getValue().name(),
                        null,
                        (name, p) ->
                                pipelines.renamePipeline(pipeline.getValue().id(), name),
                        () -> refreshPipelines(pipeline.getValue()))
                .open());
        makeDefault.setText(getTranslation("crm.settings.make-default"));
        makeDefault.addClickListener(click -> change(
                () -> pipelines.makeDefault(pipeline.getValue().id()), () -> refreshPipelines(pipeline.getValue())));
        archivePipeline.addClickListener(click -> change(
                () -> pipelines.archivePipeline(
                        pipeline.getValue().id(), !pipeline.getValue().archived()),
                () -> refreshPipelines(pipeline.getValue())));
        newPipeline.setPlaceholder(getTranslation("crm.settings.new-pipeline"));
        newPipeline.setAriaLabel(getTranslation("crm.settings.new-pipeline"));
        addPipeline.setText(getTranslation("crm.settings.add"));
        addPipeline.setIcon(VaadinIcon.PLUS.create());
        addPipeline.addClickListener(click -> change(
                () -> {
                    java.util.UUID id = pipelines.createPipeline(newPipeline.getValue());
                    newPipeline.clear();
                    refreshPipelines(new PipelineRow(id, "", 0, false, false));
                },
                () -> {}));
        Div pipelineRow = row(pipeline, renamePipeline, makeDefault, archivePipeline);
        Div addRow = row(newPipeline, addPipeline);

        stages.addClassName("crm-settings-grid");
        stages.setAllRowsVisible(true);
        stages.addColumn(StageRow::name)
                .setHeader(getTranslation("crm.settings.stage"))
                .setFlexGrow(2);
        stages.addColumn(stage -> stage.probability() + " %")
                .setHeader(getTranslation("crm.settings.probability"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("9.5rem")
                .setFlexGrow(0);
        stages.addColumn(stage -> stage.archived() ? getTranslation("crm.settings.archived") : "")
                .setHeader(getTranslation("crm.settings.state"))
                .setWidth("7rem")
                .setFlexGrow(0);
        stages.addComponentColumn(this::stageActions).setWidth("12.5rem").setFlexGrow(0);
        newStage.setPlaceholder(getTranslation("crm.settings.new-stage"));
        newStage.setAriaLabel(getTranslation("crm.settings.new-stage"));
        newStageProbability.setPlaceholder(getTranslation("crm.settings.probability"));
        newStageProbability.setAriaLabel(getTranslation("crm.settings.probability"));
        newStageProbability.setMin(0);
        newStageProbability.setMax(100);
        addStage.setText(getTranslation("crm.settings.add-stage"));
        addStage.setIcon(VaadinIcon.PLUS.create());
        addStage.addClickListener(click -> change(
                () -> {
                    pipelines.addStage(
                            pipeline.getValue().id(),
                            newStage.getValue(),
                            newStageProbability.getValue() == null ? 0 : newStageProbability.getValue());
                    newStage.clear();
                    newStageProbability.clear();
                },
                this::showPipeline));
        Div stageAdd = row(newStage, newStageProbability, addStage);
        return new Div(pipelineRow, addRow, new H3(getTranslation("crm.settings.stages")), stages, stageAdd);
    }

    private Component stageActions(StageRow stage) {
        Button up = icon(
                VaadinIcon.ARROW_UP,
                getTranslation("crm.settings.move-up"),
                () -> change(() -> pipelines.moveStage(stage.id(), -1), this::showPipeline));
        Button down = icon(
                VaadinIcon.ARROW_DOWN,
                getTranslation("crm.settings.move-down"),
                () -> change(() -> pipelines.moveStage(stage.id(), 1), this::showPipeline));
        Button edit = icon(
                VaadinIcon.EDIT,
                getTranslation("crm.settings.rename"),
                () -> new NameDialog(
                                getTranslation("crm.settings.rename"),
                                stage.name(),
                                stage.probability(),
                                (name, probability) ->
                                        pipelines.updateStage(stage.id(), name, probability == null ? -1 : probability),
                                this::showPipeline)
                        .open());
        Button archive = icon(
                stage.archived() ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE,
                stage.archived() ? getTranslation("crm.settings.restore") : getTranslation("crm.settings.archive"),
                () -> change(() -> pipelines.archiveStage(stage.id(), !stage.archived()), this::showPipeline));
        Div actions = new Div(up, down, edit, archive);
        actions.addClassName("row-actions");
        return actions;
    }

    void refreshPipelines(PipelineRow keep) {
        List<PipelineRow> all = pipelines.pipelines();
        pipeline.setItems(all);
        PipelineRow selected = all.stream()
                .filter(p -> keep != null && p.id().equals(keep.id()))
                .findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        pipeline.setValue(selected);
        showPipeline();
    }

    void showPipeline() {
        PipelineRow shown = pipeline.getValue();
        boolean any = shown != null;
        renamePipeline.setEnabled(any);
        makeDefault.setEnabled(any && !shown.isDefault() && !shown.archived());
        archivePipeline.setEnabled(any && !shown.isDefault());
        archivePipeline.setText(
                any && shown.archived()
                        ? getTranslation("crm.settings.restore")
                        : getTranslation("crm.settings.archive"));
        addStage.setEnabled(any);
        stages.setItems(any ? pipelines.stages(shown.id()) : List.of());
    }

    // ---- lost reasons --------------------------------------------------------------------------

    private Component reasonsTab() {
        reasons.addClassName("crm-settings-grid");
        reasons.setAllRowsVisible(true);
        reasons.addColumn(LostReasonRow::name)
                .setHeader(getTranslation("crm.settings.name"))
                .setFlexGrow(2);
        reasons.addColumn(r -> r.archived() ? getTranslation("crm.settings.archived") : "")
                .setHeader(getTranslation("crm.settings.state"))
                .setWidth("7rem")
                .setFlexGrow(0);
        reasons.addComponentColumn(reason -> {
                    Div actions = new Div(
                            icon(
                                    VaadinIcon.EDIT,
                                    getTranslation("crm.settings.rename"),
                                    () -> new NameDialog(
                                                    getTranslation("crm.settings.rename"),
                                                    reason.name(),
                                                    null,
                                                    (name, p) -> pipelines.renameLostReason(reason.id(), name),
                                                    this::refreshReasons)
                                            .open()),
                            icon(
                                    reason.archived() ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE,
                                    reason.archived()
                                            ? getTranslation("crm.settings.restore")
                                            : getTranslation("crm.settings.archive"),
                                    () -> change(
                                            () -> pipelines.archiveLostReason(reason.id(), !reason.archived()),
                                            this::refreshReasons)));
                    actions.addClassName("row-actions");
                    return actions;
                })
                .setWidth("8rem")
                .setFlexGrow(0);
        newReason.setPlaceholder(getTranslation("crm.settings.new-lost-reason"));
        newReason.setAriaLabel(getTranslation("crm.settings.new-lost-reason"));
        addReason.setText(getTranslation("crm.settings.add"));
        addReason.setIcon(VaadinIcon.PLUS.create());
        addReason.addClickListener(click -> change(
                () -> {
                    pipelines.addLostReason(newReason.getValue());
                    newReason.clear();
                },
                this::refreshReasons));
        return new Div(row(newReason, addReason), reasons);
    }

    void refreshReasons() {
        reasons.setItems(pipelines.lostReasons());
    }

    // ---- teams ---------------------------------------------------------------------------------

    private Component teamsTab() {
        teams.addClassName("crm-settings-grid");
        teams.setAllRowsVisible(true);
        teams.addColumn(TeamRow::name)
                .setHeader(getTranslation("crm.settings.name"))
                .setFlexGrow(1);
        teams.addColumn(team ->
                        team.members().stream().map(TeamRow.Member::name).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("crm.settings.members"))
                .setFlexGrow(2);
        teams.addComponentColumn(team -> {
                    Div actions = new Div(
                            icon(VaadinIcon.USERS, getTranslation("crm.settings.members"), () -> membersDialog(team)),
                            icon(
                                    VaadinIcon.EDIT,
                                    getTranslation("crm.settings.rename"),
                                    () -> new NameDialog(
                                                    getTranslation("crm.settings.rename"),
                                                    team.name(),
                                                    null,
                                                    (name, p) -> pipelines.renameTeam(team.id(), name),
                                                    this::refreshTeams)
                                            .open()),
                            icon(
                                    team.archived() ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE,
                                    team.archived()
                                            ? getTranslation("crm.settings.restore")
                                            : getTranslation("crm.settings.archive"),
                                    () -> change(
                                            () -> pipelines.archiveTeam(team.id(), !team.archived()),
                                            this::refreshTeams)));
                    actions.addClassName("row-actions");
                    return actions;
                })
                .setWidth("10rem")
                .setFlexGrow(0);
        newTeam.setPlaceholder(getTranslation("crm.settings.new-team"));
        newTeam.setAriaLabel(getTranslation("crm.settings.new-team"));
        addTeam.setText(getTranslation("crm.settings.add"));
        addTeam.setIcon(VaadinIcon.PLUS.create());
        addTeam.addClickListener(click -> change(
                () -> {
                    pipelines.createTeam(newTeam.getValue());
                    newTeam.clear();
                },
                this::refreshTeams));
        return new Div(row(newTeam, addTeam), teams);
    }

    void refreshTeams() {
        teams.setItems(pipelines.teams());
    }

    Dialog membersDialog(TeamRow team) {
        Dialog dialog = new Dialog();
        dialog.addClassName("crm-team-members");
        dialog.setHeaderTitle(getTranslation("crm.settings.members-of", team.name()));
        Div list = new Div();
        ComboBox<UserName> user = new ComboBox<>();
        user.setLabel(getTranslation("crm.settings.add-member"));
        user.setItems(users.activeEmployees());
        user.setItemLabelGenerator(UserName::displayName);
        Runnable[] render = new Runnable[1];
        render[0] = () -> {
            list.removeAll();
            pipelines.teams().stream()
                    .filter(t -> t.id().equals(team.id()))
                    .findFirst()
                    .ifPresent(current -> current.members().forEach(member -> {
                        Button remove = icon(
                                VaadinIcon.CLOSE_SMALL,
                                getTranslation("crm.settings.remove-member"),
                                () -> change(() -> pipelines.removeMember(team.id(), member.userId()), render[0]));
                        list.add(row(new Span(member.name()), remove));
                    }));
            refreshTeams();
        };
        Button add = new Button(getTranslation("crm.settings.add"), VaadinIcon.PLUS.create());
        add.addClickListener(click -> {
            if (user.getValue() != null) {
                change(() -> pipelines.addMember(team.id(), user.getValue().id()), render[0]);
                user.clear();
            }
        });
        render[0].run();
        dialog.add(list, row(user, add));
        dialog.getFooter().add(new Button(getTranslation("crm.common.close"), click -> dialog.close()));
        dialog.setWidth("min(28rem, 95vw)");
        dialog.open();
        return dialog;
    }

    // ---- shared --------------------------------------------------------------------------------

    private void change(Runnable change, Runnable then) {
        try {
            change.run();
        } catch (RuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        then.run();
    }

    private Button icon(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private static Div row(Component... components) {
        Div row = new Div(components);
        row.addClassName("crm-settings-row");
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.settings.title");
    }
}
