package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.ContactPortal;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountPage;
import com.nexo.accounts.account.AccountPageService;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.merge.AccountMergeService;
import com.nexo.accounts.search.AccountListService;
import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.RecordSection;
import com.nexo.base.ui.RecordSections;
import com.nexo.base.ui.RecordTimelines;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One account seen whole (360°): its data ({@link AccountData}), its contacts ({@link AccountContacts}),
 * and the timeline of who changed what and when, all from one read ({@link AccountPageService#page}).
 * Only the actions the user may take are offered. Other modules add sections of their own below
 * ({@link RecordSection}s of type {@link RecordSection#ACCOUNT}, such as a client's sales documents),
 * each read by its own module when the account is shown.
 */
@Route("accounts/:id")
@RolesAllowed(AccountPermissions.READ)
public class AccountDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountPageService pages;
    private final transient AccountService accounts;
    private final transient AccountListService lists;
    private final transient AccountMergeService merges;
    private AccountPage page;

    private final Div header = new Div();
    private final AccountData data = new AccountData();
    private final AccountContacts contacts;
    private final HistoryTimeline timeline = new HistoryTimeline();
    private final transient RecordSections contributed;
    /** Dated events other modules add to the account's timeline (the CRM's activities). */
    private final transient RecordTimelines timelines;

    private final Div contributedSections = new Div();
    /** The account the contributed sections show, so that a reload of the page does not rebuild them. */
    private UUID contributedFor;

    /** Without contributed sections: for tests that build the page by hand. */
    AccountDetailView(
            AccountPageService pages,
            AccountService accounts,
            ContactService contactService,
            AccountListService lists,
            AccountMergeService merges) {
        this(
                pages,
                accounts,
                contactService,
                lists,
                merges,
                RecordSections.none(),
                RecordTimelines.none(),
                (ContactPortal) null);
    }

    /** {@code portal}: the portals' side of the contacts (access, invitations), absent without the portal module. */
    @org.springframework.beans.factory.annotation.Autowired
    AccountDetailView(
            AccountPageService pages,
            AccountService accounts,
            ContactService contactService,
            AccountListService lists,
            AccountMergeService merges,
            RecordSections contributed,
            RecordTimelines timelines,
            org.springframework.beans.factory.ObjectProvider<ContactPortal> portal) {
        this(pages, accounts, contactService, lists, merges, contributed, timelines, portal.getIfAvailable());
    }

    private AccountDetailView(
            AccountPageService pages,
            AccountService accounts,
            ContactService contactService,
            AccountListService lists,
            AccountMergeService merges,
            RecordSections contributed,
            RecordTimelines timelines,
            ContactPortal portal) {
        this.contributed = contributed;
        this.timelines = timelines;
        this.pages = pages;
        this.accounts = accounts;
        this.lists = lists;
        this.merges = merges;
        this.contacts = new AccountContacts(contactService, this::id, this::reload, portal);
        addClassName("account-detail");
        header.addClassName("detail-header");
        Section dataSection = DetailSections.section(getTranslation("accounts.detail.data"), data);
        Section contactSection = DetailSections.section(getTranslation("accounts.detail.contacts"), contacts);
        Section historySection = DetailSections.section(getTranslation("accounts.detail.history"), timeline);
        historySection.addClassName("detail-history");
        contributedSections.addClassName("record-sections");
        Div main = new Div(dataSection, contactSection, contributedSections);
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
            load(id.get());
        } catch (AccountRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Reads the account's page (one service call) and shows it. */
    void load(UUID id) {
        show(pages.page(id));
    }

    private void show(AccountPage shown) {
        this.page = shown;
        renderHeader();
        data.show(shown.details());
        contacts.show(shown.details().contacts());
        timeline.setEntries(timelines.merged(
                this,
                RecordSection.ACCOUNT,
                shown.id(),
                CurrentUser::can,
                AccountHistory.entries(this, shown.history(), shown.userNames())));
        if (!shown.id().equals(contributedFor)) {
            contributedFor = shown.id();
            contributedSections.removeAll();
            contributed
                    .render(this, RecordSection.ACCOUNT, shown.id(), CurrentUser::can)
                    .forEach(contributedSections::add);
        }
    }

    private UUID id() {
        return page.id();
    }

    private void reload() {
        try {
            load(id());
            PageTitles.refresh(this);
        } catch (AccountRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            getUI().ifPresent(ui -> ui.navigate(AccountListView.class));
        }
    }

    private void renderHeader() {
        AccountForm account = page.details().account();
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
        boolean merged = page.details().mergedInto() != null;
        if (CurrentUser.can(AccountPermissions.EDIT) && !merged) {
            Button edit = new Button(getTranslation("accounts.detail.edit"), VaadinIcon.EDIT.create());
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.addClickListener(click -> AccountFormDialog.forEdit(
                            accounts, accounts.getForm(id()), saved -> reload(), this::openAccount)
                    .open());
            actions.add(edit);
            boolean archived = page.details().account().isArchived();
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
            survivor.addClickListener(click -> openAccount(page.details().mergedInto()));
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
        confirm.setHeader(getTranslation(
                "accounts.detail.delete-title", page.details().account().getLegalName()));
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

    @Override
    public String getPageTitle() {
        return page == null
                ? getTranslation("accounts.title")
                : page.details().account().getLegalName();
    }
}
