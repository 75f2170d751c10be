package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
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
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The contacts of the account a page shows: a grid, and for those who may edit, adding, editing,
 * making primary and removing. After a change the page reloads ({@code onChanged}).
 */
class AccountContacts extends Div {

    private final transient ContactService contacts;
    private final transient Supplier<UUID> accountId;
    private final transient Runnable onChanged;
    private final Grid<ContactRow> grid = new Grid<>();
    private final Div toolbar = new Div();

    AccountContacts(ContactService contacts, Supplier<UUID> accountId, Runnable onChanged) {
        this.contacts = contacts;
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

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
