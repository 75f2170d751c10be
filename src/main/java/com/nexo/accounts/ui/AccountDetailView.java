package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountDetails;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.merge.AccountMergeService;
import com.nexo.accounts.search.AccountListService;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One account seen whole (360°): its data, its contacts, and the timeline of who changed what and
 * when. Only the actions the user may take are offered.
 */
@Route("accounts/:id")
@RolesAllowed(AccountPermissions.READ)
public class AccountDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** How many history entries the timeline shows; older ones are a click away. */
    static final int HISTORY_PAGE = 50;

    private final transient AccountService accounts;
    private final transient ContactService contactService;
    private final transient AccountListService lists;
    private final transient AccountMergeService merges;
    private AccountDetails details;
    private Map<UUID, String> ownerNames = Map.of();

    private final Div header = new Div();
    private final Div data = new Div();
    private final Grid<ContactRow> contacts = new Grid<>();
    private final HistoryTimeline timeline = new HistoryTimeline();

    AccountDetailView(
            AccountService accounts,
            ContactService contactService,
            AccountListService lists,
            AccountMergeService merges) {
        this.accounts = accounts;
        this.contactService = contactService;
        this.lists = lists;
        this.merges = merges;
        addClassName("account-detail");
        header.addClassName("detail-header");
        data.addClassName("detail-data");
        configureContacts();
        Section dataSection = DetailSections.section(getTranslation("accounts.detail.data"), data);
        Section contactSection =
                DetailSections.section(getTranslation("accounts.detail.contacts"), contactsToolbar(), contacts);
        Section historySection = DetailSections.section(getTranslation("accounts.detail.history"), timeline);
        historySection.addClassName("detail-history");
        Div main = new Div(dataSection, contactSection);
        main.addClassName("detail-main");
        Div columns = new Div(main, historySection);
        columns.addClassName("detail-columns");
        RouterLink back = new RouterLink(getTranslation("accounts.detail.back"), AccountListView.class);
        back.addClassName("detail-back");
        add(back, header, columns);
    }

    static RouteParameters parameters(UUID id) {
        return new RouteParameters("id", id.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            ownerNames = accounts.owners().stream().collect(Collectors.toMap(OwnerOption::id, OwnerOption::name));
            show(accounts.getDetails(id.get()));
        } catch (AccountRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(AccountDetails shown) {
        this.details = shown;
        renderHeader();
        renderData();
        contacts.setItems(shown.contacts());
        timeline.setEntries(AccountHistory.entries(this, accounts.history(id(), 0, HISTORY_PAGE), ownerNames));
    }

    private UUID id() {
        return details.account().getId();
    }

    private void reload() {
        try {
            show(accounts.getDetails(id()));
        } catch (AccountRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            getUI().ifPresent(ui -> ui.navigate(AccountListView.class));
        }
    }

    private void renderHeader() {
        AccountForm account = details.account();
        header.removeAll();
        H2 name = new H2(account.getLegalName());
        name.addClassName("detail-title");
        Span subtitle = new Span(Stream.of(account.getTradeName(), account.getCode(), account.getTaxId())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" · ")));
        subtitle.addClassName("detail-subtitle");
        Div badges = new Div();
        badges.addClassName("detail-badges");
        account.getRoles().stream().sorted().forEach(role -> {
            Badge badge = new Badge(AccountLabels.role(this, role));
            badge.addThemeVariants(BadgeVariant.SMALL);
            badges.add(badge);
        });
        Badge status = new Badge(
                account.isArchived()
                        ? getTranslation("accounts.status.archived")
                        : getTranslation("accounts.status.active"));
        status.addThemeVariants(
                account.isArchived() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS, BadgeVariant.SMALL);
        badges.add(status);
        Div title = new Div(name, subtitle, badges);
        title.addClassName("detail-heading");
        header.add(title, actions());
    }

    private Component actions() {
        Div actions = new Div();
        actions.addClassName("detail-actions");
        boolean merged = details.mergedInto() != null;
        if (CurrentUser.can(AccountPermissions.EDIT) && !merged) {
            Button edit = new Button(getTranslation("accounts.detail.edit"), VaadinIcon.EDIT.create());
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.addClickListener(click -> AccountFormDialog.forEdit(
                            accounts, accounts.getForm(id()), saved -> reload(), this::openAccount)
                    .open());
            actions.add(edit);
            boolean archived = details.account().isArchived();
            Button archive = new Button(
                    (archived ? getTranslation("accounts.detail.restore") : getTranslation("accounts.detail.archive")),
                    (archived ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE).create());
            archive.addClickListener(click -> {
                if (archived) {
                    accounts.restore(id());
                } else {
                    accounts.archive(id());
                }
                Notices.success(
                        (archived
                                ? getTranslation("accounts.detail.restored")
                                : getTranslation("accounts.detail.archived")));
                reload();
            });
            actions.add(archive);
        }
        if (CurrentUser.can(AccountPermissions.MERGE) && !merged) {
            Button merge = new Button(getTranslation("accounts.detail.merge"), VaadinIcon.COMPRESS_SQUARE.create());
            merge.addClickListener(click ->
                    new MergeDialog(accounts, lists, merges, accounts.getForm(id()), this::openAccount).open());
            actions.add(merge);
        }
        if (merged) {
            Button survivor =
                    new Button(getTranslation("accounts.detail.open-survivor"), VaadinIcon.ARROW_FORWARD.create());
            survivor.addClickListener(click -> openAccount(details.mergedInto()));
            actions.add(survivor);
        }
        if (CurrentUser.can(AccountPermissions.DELETE)) {
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClickListener(click -> confirmDelete());
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(
                getTranslation("accounts.detail.delete-title", details.account().getLegalName()));
        confirm.setText(getTranslation("accounts.detail.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            switch (accounts.delete(id())) {
                case DELETED -> {
                    Notices.success(getTranslation("accounts.detail.deleted"));
                    getUI().ifPresent(ui -> ui.navigate(AccountListView.class));
                }
                case ARCHIVED -> {
                    Notices.success(getTranslation("accounts.detail.archived-instead"));
                    reload();
                }
            }
        });
        confirm.open();
    }

    private void openAccount(UUID other) {
        if (other.equals(id())) {
            reload();
        } else {
            getUI().ifPresent(ui -> ui.navigate(AccountDetailView.class, parameters(other)));
        }
    }

    private void renderData() {
        AccountForm account = details.account();
        data.removeAll();
        item(AccountField.KIND, AccountLabels.kind(this, account.getKind()));
        item(AccountField.TAX_ID, account.getTaxId());
        item(AccountField.COUNTRY, AccountLabels.country(this, account.getCountry()));
        item(AccountField.EMAILS, String.join(", ", account.getEmails()));
        item(AccountField.PHONES, String.join(", ", account.getPhones()));
        item(AccountField.WEBSITE, account.getWebsite());
        item(AccountField.LANGUAGE, AccountLabels.language(this, account.getLanguage()));
        item(AccountField.OWNER, details.ownerName());
        item(
                AccountField.PAYMENT_TERMS,
                account.getPaymentTerms() == null ? null : AccountLabels.paymentTerms(this, account.getPaymentTerms()));
        item(AccountField.CREDIT_LIMIT, AccountLabels.money(this, account.getCreditLimit(), account.getCurrency()));
        item(AccountField.TAGS, String.join(", ", account.getTags()));
        account.getAddresses()
                .forEach(address -> item(
                        address.type() == null
                                ? AccountLabels.field(this, AccountField.ADDRESSES)
                                : AccountLabels.addressType(this, address.type()),
                        AccountLabels.address(this, address)));
        item(AccountField.NOTES, account.getNotes());
    }

    private void item(AccountField field, String value) {
        item(AccountLabels.field(this, field), value);
    }

    private void item(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span term = new Span(label);
        term.addClassName("detail-term");
        Span text = new Span(value);
        text.addClassName("detail-value");
        Div item = new Div(term, text);
        item.addClassName("detail-item");
        data.add(item);
    }

    // --- Contacts ------------------------------------------------------------------------------

    private Component contactsToolbar() {
        Div toolbar = new Div();
        toolbar.addClassName("contact-actions");
        if (CurrentUser.can(AccountPermissions.EDIT)) {
            Button add = new Button(getTranslation("accounts.contacts.add"), VaadinIcon.PLUS.create());
            add.addClickListener(click ->
                    ContactDialog.forNew(contactService, id(), this::reload).open());
            toolbar.add(add);
        }
        return toolbar;
    }

    private void configureContacts() {
        contacts.addClassName("contacts-grid");
        contacts.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        contacts.setAllRowsVisible(true);
        contacts.addComponentColumn(contact -> {
                    Div cell = GridCells.twoLines(contact.name(), contact.position());
                    if (contact.primary()) {
                        Badge primary = new Badge(getTranslation("accounts.contacts.primary"));
                        primary.addThemeVariants(BadgeVariant.SMALL);
                        primary.addClassName("primary-badge");
                        cell.add(primary);
                    }
                    return cell;
                })
                .setKey("name")
                .setHeader(getTranslation("accounts.contacts.name"))
                .setWidth("12rem")
                .setFlexGrow(2);
        contacts.addColumn(contact -> String.join(", ", contact.emails()))
                .setKey("emails")
                .setHeader(getTranslation("accounts.contacts.emails"))
                .setFlexGrow(2);
        contacts.addColumn(contact -> String.join(", ", contact.phones()))
                .setKey("phones")
                .setHeader(getTranslation("accounts.contacts.phones"))
                .setFlexGrow(1);
        if (CurrentUser.can(AccountPermissions.EDIT)) {
            contacts.addComponentColumn(this::contactActions)
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        contacts.setEmptyStateText(getTranslation("accounts.contacts.empty"));
        contacts.setSelectionMode(Grid.SelectionMode.NONE);
    }

    private Component contactActions(ContactRow contact) {
        Button edit = iconButton(
                VaadinIcon.EDIT,
                getTranslation("accounts.contacts.edit"),
                () -> ContactDialog.forEdit(contactService, id(), contact.id(), this::reload)
                        .open());
        Button primary = iconButton(VaadinIcon.STAR, getTranslation("accounts.contacts.make-primary"), () -> {
            contactService.makePrimary(contact.id());
            Notices.success(getTranslation("accounts.contacts.primary-set", contact.name()));
            reload();
        });
        primary.setEnabled(!contact.primary());
        Button remove = iconButton(VaadinIcon.TRASH, getTranslation("accounts.contacts.remove"), () -> {
            contactService.deleteContact(contact.id());
            Notices.success(getTranslation("accounts.contacts.removed", contact.name()));
            reload();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(edit, primary, remove);
        actions.addClassName("row-actions");
        return actions;
    }

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    @Override
    public String getPageTitle() {
        return details == null
                ? getTranslation("accounts.title")
                : details.account().getLegalName();
    }
}
