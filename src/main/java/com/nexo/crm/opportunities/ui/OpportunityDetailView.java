package com.nexo.crm.opportunities.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.RecordSection;
import com.nexo.base.ui.RecordSections;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.opportunities.OpportunityDetails;
import com.nexo.crm.opportunities.OpportunityForm;
import com.nexo.crm.opportunities.OpportunityRuleException;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.pipelines.LostReasonRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.history.ChangeEntry;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An opportunity's page: where it stands on its pipeline's stages (a step moves it there), its form,
 * win, lose and reopen, the sections other parts of the CRM contribute (activities, the quote) and its
 * change history.
 */
@Route("crm/opportunities/:id")
@RolesAllowed(CrmPermissions.READ)
@StyleSheet("styles/crm.css")
public class OpportunityDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient OpportunityService opportunities;
    private final transient PipelineService pipelines;
    private final transient UserDirectory users;
    private final transient RecordSections contributed;

    final H2 title = new H2();
    final Anchor account = new Anchor();
    final Span status = new Span();
    final Div stagePath = new Div();
    final Paragraph lostInfo = new Paragraph();
    final OpportunityFields fields;
    final Button save = new Button();
    final Button win = new Button();
    final Button lose = new Button();
    final Button reopen = new Button();
    final HistoryTimeline timeline = new HistoryTimeline();
    private final Div contributedSections = new Div();
    private UUID contributedFor;
    OpportunityDetails shown;

    public OpportunityDetailView(
            OpportunityService opportunities,
            PipelineService pipelines,
            AccountDirectory accounts,
            UserDirectory users,
            RecordSections contributed) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.users = users;
        this.contributed = contributed;
        addClassNames("crm-opportunity-detail", "account-detail");
        fields = new OpportunityFields(accounts, pipelines, users);
        boolean canEdit = CurrentUser.can(CrmPermissions.EDIT);

        save.setText(getTranslation("crm.common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        win.setText(getTranslation("crm.board.win"));
        win.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        win.addClickListener(click -> act(() -> opportunities.win(shown.id(), shown.version())));
        lose.setText(getTranslation("crm.board.lose"));
        lose.addThemeVariants(ButtonVariant.LUMO_ERROR);
        lose.addClickListener(click -> new LostDialog(
                        opportunities,
                        pipelines,
                        shown.id(),
                        shown.version(),
                        shown.form().title(),
                        this::reload)
                .open());
        reopen.setText(getTranslation("crm.opportunity.reopen"));
        reopen.addClickListener(click -> act(() -> opportunities.reopen(shown.id(), shown.version())));
        for (Button button : List.of(save, win, lose, reopen)) {
            button.setVisible(canEdit);
        }
        fields.setEditable(canEdit);

        title.addClassName("detail-title");
        account.addClassName("detail-subtitle");
        status.getElement().getThemeList().add("badge");
        status.addClassName("crm-opportunity-status");
        Div badges = new Div(status);
        badges.addClassName("detail-badges");
        Div heading = new Div(title, account, badges);
        Div actions = new Div(win, lose, reopen);
        actions.addClassName("detail-actions");
        Div header = new Div(heading, actions);
        header.addClassName("detail-header");
        stagePath.addClassName("crm-stage-path");
        lostInfo.addClassName("crm-lost-info");
        Div formActions = new Div(save);
        formActions.addClassName("detail-actions");
        Section data = DetailSections.section(getTranslation("crm.opportunity.data"), fields, formActions);
        contributedSections.addClassName("record-sections");
        Div main = new Div(data, contributedSections);
        main.addClassName("detail-main");
        Section history = DetailSections.section(getTranslation("crm.opportunity.history"), timeline);
        history.addClassName("detail-history");
        Div columns = new Div(main, history);
        columns.addClassName("detail-columns");
        RouterLink back = new RouterLink(getTranslation("crm.opportunity.back"), OpportunityListView.class);
        back.addClassName("detail-back");
        add(back, header, stagePath, lostInfo, columns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<OpportunityDetails> found =
                event.getRouteParameters().get("id").flatMap(Ids::parse).flatMap(opportunities::details);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    void reload() {
        opportunities
                .details(shown.id())
                .ifPresentOrElse(this::show, () -> getUI().ifPresent(ui -> ui.navigate(OpportunityListView.class)));
    }

    private void show(OpportunityDetails details) {
        this.shown = details;
        OpportunityForm form = details.form();
        title.setText(form.title());
        account.setText(details.accountName() == null ? "" : details.accountName());
        account.setHref("accounts/" + form.accountId());
        status.setText(OpportunityLabels.status(this, details.status()));
        status.getElement().getThemeList().removeAll(List.of("success", "error"));
        if (details.status() == OpportunityStatus.WON) {
            status.getElement().getThemeList().add("success");
        } else if (details.status() == OpportunityStatus.LOST) {
            status.getElement().getThemeList().add("error");
        }
        boolean open = details.status() == OpportunityStatus.OPEN;
        boolean canEdit = CurrentUser.can(CrmPermissions.EDIT);
        win.setVisible(canEdit && open);
        lose.setVisible(canEdit && open);
        reopen.setVisible(canEdit && !open);
        fields.read(form, details.accountName());
        List<StageRow> stages = pipelines.stages(form.pipelineId());
        renderPath(stages, form.stageId(), open && canEdit);
        lostInfo.setVisible(details.status() == OpportunityStatus.LOST);
        if (details.status() == OpportunityStatus.LOST) {
            lostInfo.setText(getTranslation(
                    "crm.opportunity.lost-because",
                    details.lostReasonName(),
                    details.lostNote() == null ? "" : details.lostNote()));
        }
        List<ChangeEntry> history = opportunities.history(details.id(), null, 50);
        Map<UUID, String> names = new HashMap<>();
        stages.forEach(stage -> names.put(stage.id(), stage.name()));
        pipelines.lostReasons().forEach((LostReasonRow reason) -> names.put(reason.id(), reason.name()));
        names.putAll(users.namesOf(history.stream()
                .flatMap(entry -> entry.changes().stream())
                .filter(change -> "owner_id".equals(change.column()))
                .flatMap(change -> java.util.stream.Stream.of(change.before(), change.after()))
                .map(value -> value == null
                        ? null
                        : Ids.parse(value.replace("\"", "")).orElse(null))
                .toList()));
        timeline.setEntries(OpportunityHistory.entries(this, history, names));
        if (!details.id().equals(contributedFor)) {
            contributedFor = details.id();
            contributedSections.removeAll();
            contributed
                    .render(this, RecordSection.CRM_OPPORTUNITY, details.id(), CurrentUser::can)
                    .forEach(contributedSections::add);
        }
        com.nexo.base.ui.PageTitles.refresh(this);
    }

    private void renderPath(List<StageRow> stages, UUID current, boolean movable) {
        stagePath.removeAll();
        boolean passed = true;
        for (StageRow stage : stages) {
            if (stage.archived() && !stage.id().equals(current)) {
                continue;
            }
            boolean isCurrent = stage.id().equals(current);
            if (isCurrent) {
                passed = false;
            }
            Span step = new Span(stage.name());
            step.addClassName("crm-stage-step");
            step.getElement().setAttribute("title", stage.name() + " · " + stage.probability() + " %");
            if (isCurrent) {
                step.addClassName("current");
            } else if (passed) {
                step.addClassName("done");
            }
            if (movable && !isCurrent) {
                step.getElement().setAttribute("role", "button");
                step.getStyle().setCursor("pointer");
                step.addClickListener(click -> moveTo(stage));
            }
            stagePath.add(step);
        }
    }

    void moveTo(StageRow stage) {
        act(() -> opportunities.moveToStage(shown.id(), stage.id(), shown.version()));
    }

    void save() {
        OpportunityForm form = fields.write();
        if (form == null) {
            return;
        }
        try {
            opportunities.update(shown.id(), form, shown.version());
        } catch (OpportunityRuleException e) {
            if (!fields.showOnField(e)) {
                CrmNotices.refused(this, e);
                if ("crm.opportunity.error.stale".equals(e.messageKey())) {
                    reload();
                }
            }
            return;
        }
        Notices.success(getTranslation("crm.opportunity.saved"));
        reload();
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (OpportunityRuleException e) {
            CrmNotices.refused(this, e);
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("crm.list.title") : shown.form().title();
    }
}
