package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.ContactPortal;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.base.RuleException;
import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The contacts of the account a page shows: a grid, and for those who may edit, adding, editing,
 * making primary and removing. With the portal module present, each contact's portal access too, and
 * for those who may give it ({@link AccountPermissions#PORTAL_ACCESS}) inviting, sending again,
 * disabling and re-enabling. After a change the page reloads ({@code onChanged}).
 */
class AccountContacts extends Div {

    private final transient ContactService contacts;
    private final transient Supplier<UUID> accountId;
    private final transient Runnable onChanged;
    /** The portals' side of the contacts; null without the portal module (no portal column then). */
    private final transient ContactPortal portal;

    private Map<UUID, ContactPortal.Access> access = Map.of();
    private final Grid<ContactRow> grid = new Grid<>();
    private final Div toolbar = new Div();

    AccountContacts(ContactService contacts, Supplier<UUID> accountId, Runnable onChanged, ContactPortal portal) {
        this.contacts = contacts;
        this.portal = portal;
        this.accountId = accountId;
        this.onChanged = onChanged;
        toolbar.addClassName("contact-actions");
        if (CurrentUser.can(AccountPermissions.EDIT)) {
            Button add = new Button(getTranslation("accounts.contacts.add"), VaadinIcon.PLUS.create());
            add.addClickListener(click ->
                    ContactDialog.forNew(contacts, accountId.get(), onChanged).open());
            toolbar.add(add);
        }
        configure();
        addClassName("detail-contacts");
        add(toolbar, grid);
    }

    void show(List<ContactRow> rows) {
        if (portal != null) {
            access = portal.accessOf(rows.stream()
                    .map(row -> new ContactPortal.Listed(row.id(), row.portalUserId()))
                    .toList());
        }
        grid.setItems(rows);
    }

    private void configure() {
        grid.addClassName("contacts-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(contact -> {
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
        grid.addColumn(contact -> String.join(", ", contact.emails()))
                .setKey("emails")
                .setHeader(getTranslation("accounts.contacts.emails"))
                .setFlexGrow(2);
        grid.addColumn(contact -> String.join(", ", contact.phones()))
                .setKey("phones")
                .setHeader(getTranslation("accounts.contacts.phones"))
                .setFlexGrow(1);
        if (portal != null) {
            grid.addComponentColumn(this::portalAccess)
                    .setKey("portal")
                    .setHeader(getTranslation("portal.access.column"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        if (CurrentUser.can(AccountPermissions.EDIT)) {
            grid.addComponentColumn(this::actions)
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("accounts.contacts.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
    }

    private Component actions(ContactRow contact) {
        Button edit = iconButton(
                VaadinIcon.EDIT,
                getTranslation("accounts.contacts.edit"),
                () -> ContactDialog.forEdit(contacts, accountId.get(), contact.id(), onChanged)
                        .open());
        Button primary = iconButton(VaadinIcon.STAR, getTranslation("accounts.contacts.make-primary"), () -> {
            contacts.makePrimary(contact.id());
            Notices.success(getTranslation("accounts.contacts.primary-set", contact.name()));
            onChanged.run();
        });
        primary.setEnabled(!contact.primary());
        Button remove = iconButton(VaadinIcon.TRASH, getTranslation("accounts.contacts.remove"), () -> {
            contacts.deleteContact(contact.id());
            Notices.success(getTranslation("accounts.contacts.removed", contact.name()));
            onChanged.run();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(edit, primary, remove);
        actions.addClassName("row-actions");
        return actions;
    }

    private Component portalAccess(ContactRow contact) {
        ContactPortal.Access state = access.getOrDefault(contact.id(), ContactPortal.Access.NOT_INVITED);
        Badge badge = new Badge(stateText(state));
        badge.addThemeVariants(BadgeVariant.SMALL);
        badge.addClassName(
                "portal-access-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Div cell = new Div(badge);
        cell.addClassName("portal-access");
        if (!CurrentUser.can(AccountPermissions.PORTAL_ACCESS)) {
            return cell;
        }
        Button action = switch (state) {
            case NOT_INVITED, EXPIRED ->
                portalButton(VaadinIcon.ENVELOPE_O, getTranslation("portal.access.invite"), () -> invite(contact));
            case INVITED ->
                portalButton(VaadinIcon.ROTATE_RIGHT, getTranslation("portal.access.resend"), () -> invite(contact));
            case ACTIVE ->
                portalButton(VaadinIcon.BAN, getTranslation("portal.access.disable"), () -> {
                    portal.disable(contact.id());
                    Notices.success(getTranslation("portal.access.disabled", contact.name()));
                });
            case DISABLED ->
                portalButton(VaadinIcon.CHECK_CIRCLE_O, getTranslation("portal.access.enable"), () -> {
                    portal.enable(contact.id());
                    Notices.success(getTranslation("portal.access.enabled", contact.name()));
                });
        };
        // Inviting needs an address to send the link to.
        boolean invitation = state != ContactPortal.Access.ACTIVE && state != ContactPortal.Access.DISABLED;
        action.setEnabled(!invitation || !contact.emails().isEmpty());
        cell.add(action);
        return cell;
    }

    private String stateText(ContactPortal.Access state) {
        return switch (state) {
            case NOT_INVITED -> getTranslation("portal.access.state.not-invited");
            case INVITED -> getTranslation("portal.access.state.invited");
            case EXPIRED -> getTranslation("portal.access.state.expired");
            case ACTIVE -> getTranslation("portal.access.state.active");
            case DISABLED -> getTranslation("portal.access.state.disabled");
        };
    }

    /** Invites to the account's one portal, or asks which one when the account has several roles. */
    private void invite(ContactRow contact) {
        List<String> portals = portal.portalsOf(contact.id());
        if (portals.isEmpty()) {
            Notices.error(getTranslation("portal.access.error.no-portal"));
        } else if (portals.size() == 1) {
            sendInvitation(contact, portals.getFirst());
        } else {
            new PortalChoiceDialog(contact.name(), portals, chosen -> guarded(() -> sendInvitation(contact, chosen)))
                    .open();
        }
    }

    private void sendInvitation(ContactRow contact, String actorType) {
        portal.invite(contact.id(), actorType);
        Notices.success(getTranslation(
                "portal.access.invited", contact.name(), contact.emails().getFirst()));
    }

    /** A button of the portal column: the refusals of the portal's rules and of mail read as notices. */
    private Button portalButton(VaadinIcon icon, String label, Runnable action) {
        return iconButton(icon, label, () -> guarded(action));
    }

    /** Runs a portal action and reloads the page; a refusal (the rules', the mail server's) reads as a notice. */
    private void guarded(Runnable action) {
        try {
            action.run();
            onChanged.run();
        } catch (RuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            onChanged.run();
        } catch (MailDeliveryException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
