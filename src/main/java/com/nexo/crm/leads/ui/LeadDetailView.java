package com.nexo.crm.leads.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.RecordSections;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadDuplicate;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One lead: its values, its status with the actions it allows (qualify, disqualify with a reason,
 * reopen, edit, convert), the records it may duplicate with links to them, the sections other parts
 * of the CRM add (activities) and its history.
 */
@Route(LeadRoutes.LEADS + "/:id")
@RolesAllowed(CrmPermissions.READ)
public class LeadDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The record type other features contribute sections to ({@code RecordSection}). */
    public static final String RECORD_TYPE = com.nexo.base.ui.RecordSection.CRM_LEAD;

    private static final int HISTORY = 50;

    private final transient LeadService leads;
    private final transient RecordSections contributed;
    private final transient Optional<LeadConversionAction> conversion;
    private LeadDetails lead;

    final Div header = new Div();
    final Div actions = new Div();
    final Div data = new Div();
    final Div duplicates = new Div();
    final HistoryTimeline timeline = new HistoryTimeline();
    private final Div contributedSections = new Div();
    private UUID contributedFor;

    public LeadDetailView(
            LeadService leads,
            RecordSections contributed,
            org.springframework.beans.factory.ObjectProvider<LeadConversionAction> conversion) {
        this.leads = leads;
        this.contributed = contributed;
        this.conversion = Optional.ofNullable(conversion.getIfAvailable());
        addClassNames("crm-lead-detail", "account-detail");
        header.addClassName("detail-header");
        data.addClassName("detail-data");
        duplicates.addClassName("crm-lead-duplicates");
        contributedSections.addClassName("record-sections");
        Section dataSection = DetailSections.section(getTranslation("crm.leads.detail.data"), data);
        Section duplicateSection = DetailSections.section(getTranslation("crm.leads.detail.duplicates"), duplicates);
        Section historySection = DetailSections.section(getTranslation("crm.leads.detail.history"), timeline);
        historySection.addClassName("detail-history");
        Div main = new Div(dataSection, duplicateSection, contributedSections);
        main.addClassName("detail-main");
        Div columns = new Div(main, historySection);
        columns.addClassName("detail-columns");
        RouterLink back = new RouterLink(getTranslation("crm.leads.detail.back"), LeadListView.class);
        back.addClassName("detail-back");
        add(back, header, columns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        Optional<LeadDetails> found = id.flatMap(leads::find);
        if (found.isEmpty()) {
            // Not there, not visible, or another tenant's: the same answer.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    void reload() {
        Optional<LeadDetails> found = leads.find(lead.id());
        if (found.isEmpty()) {
            Notices.error(getTranslation("crm.leads.error.not-found"));
            getUI().ifPresent(ui -> ui.navigate(LeadListView.class));
            return;
        }
        show(found.get());
        PageTitles.refresh(this);
    }

    private void show(LeadDetails shown) {
        this.lead = shown;
        renderHeader();
        renderData();
        renderDuplicates();
        Map<UUID, String> owners = leads.owners().stream()
                .collect(
                        Collectors.toMap(UserDirectory.UserName::id, UserDirectory.UserName::displayName, (a, b) -> a));
        timeline.setEntries(leads.history(shown.id(), HISTORY).stream()
                .map(entry -> LeadHistory.entry(this, entry, owners))
                .toList());
        if (!shown.id().equals(contributedFor)) {
            contributedFor = shown.id();
            contributedSections.removeAll();
            contributed.render(this, RECORD_TYPE, shown.id(), CurrentUser::can).forEach(contributedSections::add);
        }
    }

    private void renderHeader() {
        header.removeAll();
        H2 title = new H2(lead.title());
        title.addClassName("detail-title");
        Span subtitle = new Span(List.of(
                        LeadLabels.source(this, lead.source()),
                        lead.sourceDetail() == null ? "" : lead.sourceDetail(),
                        Format.date(lead.createdAt()))
                .stream()
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(" · ")));
        subtitle.addClassName("detail-subtitle");
        Div badges = new Div(LeadLabels.statusBadge(this, lead.status()));
        badges.addClassName("detail-badges");
        if (!lead.duplicates().isEmpty()) {
            Span badge = new Span(getTranslation(
                    "crm.leads.list.duplicates", lead.duplicates().size()));
            badge.getElement().setAttribute("theme", "badge warning small");
            badges.add(badge);
        }
        actions.removeAll();
        actions.addClassName("detail-actions");
        boolean edit = CurrentUser.can(CrmPermissions.EDIT);
        if (edit && lead.status().open()) {
            actions.add(new Button(getTranslation("crm.leads.action.edit"), click -> openEdit()));
        }
        if (edit && lead.status() == LeadStatus.NEW) {
            actions.add(new Button(
                    getTranslation("crm.leads.action.start"),
                    click -> act(() -> leads.startWorking(lead.id(), lead.version()))));
        }
        if (edit && lead.status().open()) {
            actions.add(new Button(getTranslation("crm.leads.action.disqualify"), click -> openDisqualify()));
        }
        if (edit && lead.status() == LeadStatus.DISQUALIFIED) {
            actions.add(new Button(
                    getTranslation("crm.leads.action.reopen"),
                    click -> act(() -> leads.reopen(lead.id(), lead.version()))));
        }
        if (lead.status().open() && CurrentUser.can(CrmPermissions.CONVERT) && conversion.isPresent()) {
            Button convert = new Button(
                    getTranslation("crm.leads.action.convert"),
                    click -> conversion.get().open(lead, this::reload));
            convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(convert);
        }
        header.add(title, subtitle, badges, actions);
    }

    private void renderData() {
        data.removeAll();
        item(getTranslation("crm.leads.field.person"), lead.personName());
        item(getTranslation("crm.leads.field.company"), lead.companyName());
        item(getTranslation("crm.leads.field.email"), lead.email());
        item(getTranslation("crm.leads.field.phone"), lead.phone());
        item(getTranslation("crm.leads.field.tax-id"), lead.taxId());
        item(getTranslation("crm.leads.field.region"), lead.region());
        item(getTranslation("crm.leads.field.tags"), String.join(", ", lead.tags()));
        item(
                getTranslation("crm.leads.field.owner"),
                lead.ownerId() == null ? getTranslation("crm.leads.list.unowned") : lead.ownerName());
        item(getTranslation("crm.leads.field.interest"), lead.interest());
        item(getTranslation("crm.leads.field.disqualified-reason"), lead.disqualifiedReason());
        if (lead.status() == LeadStatus.CONVERTED) {
            if (lead.convertedAccountId() != null) {
                link(
                        getTranslation("crm.leads.detail.converted-account"),
                        "accounts/" + lead.convertedAccountId(),
                        getTranslation("crm.leads.detail.open"));
            }
            if (lead.convertedOpportunityId() != null) {
                link(
                        getTranslation("crm.leads.detail.converted-opportunity"),
                        "crm/opportunities/" + lead.convertedOpportunityId(),
                        getTranslation("crm.leads.detail.open"));
            }
            item(getTranslation("crm.leads.detail.converted-at"), Format.dateTime(lead.convertedAt()));
        }
    }

    private void item(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        add(data, label, new Span(value));
    }

    private void link(String label, String route, String text) {
        add(data, label, new Anchor(route, text));
    }

    private static void add(Div to, String label, Component value) {
        Span term = new Span(label);
        term.addClassName("detail-term");
        value.getElement().getClassList().add("detail-value");
        Div item = new Div(term, value);
        item.addClassName("detail-item");
        to.add(item);
    }

    private void renderDuplicates() {
        duplicates.removeAll();
        if (lead.duplicates().isEmpty()) {
            duplicates.add(new Span(getTranslation("crm.leads.detail.no-duplicates")));
            return;
        }
        for (LeadDuplicate duplicate : lead.duplicates()) {
            String name = duplicate.kind() == LeadDuplicate.Kind.CONTACT && duplicate.accountName() != null
                    ? getTranslation("crm.leads.duplicates.contact-of", duplicate.name(), duplicate.accountName())
                    : duplicate.name();
            Anchor link = new Anchor(LeadLabels.route(duplicate), name);
            Span kind = new Span(LeadLabels.kind(this, duplicate.kind()));
            kind.getElement().setAttribute("theme", "badge contrast small");
            Span why = new Span(LeadLabels.reasons(this, duplicate));
            why.addClassName("detail-subtitle");
            Div row = new Div(kind, link, why);
            row.addClassName("crm-lead-duplicate");
            duplicates.add(row);
        }
    }

    private void openEdit() {
        new LeadDialog(leads, lead.toForm(), id -> reload()).open();
    }

    private void openDisqualify() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("crm.leads.disqualify.title"));
        TextArea reason = new TextArea(getTranslation("crm.leads.disqualify.reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        dialog.add(reason);
        Button confirm = new Button(getTranslation("crm.leads.action.disqualify"), click -> {
            if (act(() -> leads.disqualify(lead.id(), reason.getValue(), lead.version()))) {
                dialog.close();
            } else {
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs a change of the lead; on a refusal shows why and reloads. True when it was done. */
    private boolean act(java.util.function.LongSupplier change) {
        try {
            change.getAsLong();
        } catch (LeadRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            if ("crm.leads.error.conflict".equals(e.messageKey())) {
                reload();
            }
            return false;
        }
        reload();
        return true;
    }

    LeadDetails lead() {
        return lead;
    }

    @Override
    public String getPageTitle() {
        return lead == null ? getTranslation("crm.leads.list.title") : lead.title();
    }

    /** The history's column labels (those people edit), for {@link LeadHistory}. */
    static Function<String, Optional<String>> labels(Component context) {
        return column -> Optional.ofNullable(
                switch (column) {
                    case "person_name" -> context.getTranslation("crm.leads.field.person");
                    case "company_name" -> context.getTranslation("crm.leads.field.company");
                    case "email" -> context.getTranslation("crm.leads.field.email");
                    case "phone" -> context.getTranslation("crm.leads.field.phone");
                    case "tax_id" -> context.getTranslation("crm.leads.field.tax-id");
                    case "source" -> context.getTranslation("crm.leads.field.source");
                    case "source_detail" -> context.getTranslation("crm.leads.field.source-detail");
                    case "interest" -> context.getTranslation("crm.leads.field.interest");
                    case "region" -> context.getTranslation("crm.leads.field.region");
                    case "tags" -> context.getTranslation("crm.leads.field.tags");
                    case "owner_id" -> context.getTranslation("crm.leads.field.owner");
                    case "status" -> context.getTranslation("crm.leads.field.status");
                    case "disqualified_reason" -> context.getTranslation("crm.leads.field.disqualified-reason");
                    default -> null;
                });
    }
}
