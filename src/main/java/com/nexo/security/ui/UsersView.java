package com.nexo.security.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserList;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.security.users.UserList.UserSort;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.Collator;
import java.util.List;
import java.util.stream.Collectors;

/** The tenant's users: find them, create them, and change their name, access and roles. */
@Route("admin/users")
@RolesAllowed(AccessPermissions.USERS_READ)
@Menu(title = "menu.admin-users", order = 90, icon = "vaadin:users")
public class UsersView extends Main implements HasDynamicTitle {

    /** Window width (px) from which the roles and last login columns are shown. */
    private static final int WIDE_SCREEN = 1000;

    private final transient UserService users;
    private final transient UserList list;
    private final transient UserAdministration administration;
    private final transient RoleService roles;
    private final transient SessionService sessions;
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Grid<UserRow> grid = new Grid<>();
    private PagedList<UserRow, UserQuery> rows;

    UsersView(
            UserService users,
            UserList list,
            UserAdministration administration,
            RoleService roles,
            SessionService sessions) {
        this.users = users;
        this.list = list;
        this.administration = administration;
        this.roles = roles;
        this.sessions = sessions;
        addClassName("list-view");
        count.addClassName("list-count");
        add(toolbar(), count, grid);
        configureGrid();
        refresh();
    }

    private Component toolbar() {
        search.setPlaceholder(getTranslation("users.search"));
        search.setAriaLabel(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        search.addClassName("list-search");
        Div toolbar = new Div(search);
        toolbar.addClassName("list-toolbar");
        if (CurrentUser.can(AccessPermissions.USERS_CREATE)) {
            Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click -> new NewUserDialog(users, roles.listRoles(), this::refresh).open());
            toolbar.add(create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.addClassName("list-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(user -> Cells.twoLines(user.displayName(), user.email()))
                .setKey("name")
                .setSortProperty(UserSort.NAME.name())
                .setHeader(getTranslation("users.column.name"))
                .setWidth("14rem")
                .setFlexGrow(2);
        grid.addColumn(user -> getTranslation("actor." + user.actorType().dbValue()))
                .setHeader(getTranslation("users.column.actor"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Collator collator = Collator.getInstance(getLocale());
        Grid.Column<UserRow> rolesColumn = grid.addColumn(user -> user.roles().stream()
                        .map(role -> RoleNames.of(this, role))
                        .sorted(collator)
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.column.roles"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge)
                .setKey("status")
                .setHeader(getTranslation("users.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<UserRow> lastLogin = grid.addColumn(user -> user.lastLoginAt() == null
                        ? getTranslation("users.last-login.never")
                        : Format.dateTime(user.lastLoginAt()))
                .setHeader(getTranslation("users.column.last-login"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Name, type and status stay at tablet width; roles and the last login need a wider window.
        NarrowScreens.hideColumnsBelow(grid, WIDE_SCREEN, List.of(rolesColumn, lastLogin));
        grid.setEmptyStateText(getTranslation("users.empty"));
        // Pages by key, no count per scroll: the grid asks for the next page while the user scrolls.
        rows = PagedList.bind(
                grid,
                orders -> new UserQuery(search.getValue(), PagedList.sort(orders, UserSort.class, UserSort.NAME)),
                list::page);
        if (CurrentUser.can(AccessPermissions.USERS_EDIT)) {
            // Selecting (click, or Space on the focused row) opens the user; the row is let go at
            // once so the same user can be opened again.
            grid.asSingleSelect().addValueChangeListener(change -> {
                if (change.getValue() != null) {
                    grid.deselectAll();
                    edit(change.getValue());
                }
            });
        } else {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
        }
    }

    private Badge statusBadge(UserRow user) {
        Badge badge = new Badge(
                user.enabled() ? getTranslation("users.status.enabled") : getTranslation("users.status.disabled"));
        badge.addThemeVariants(user.enabled() ? BadgeVariant.SUCCESS : BadgeVariant.CONTRAST, BadgeVariant.SMALL);
        return badge;
    }

    private void edit(UserRow row) {
        try {
            new UserEditDialog(
                            administration,
                            sessions,
                            administration.getForm(row.id()),
                            roles.listRoles(),
                            this::refresh)
                    .open();
        } catch (AccessRuleException e) {
            Feedback.notify(this, e); // deleted meanwhile
            refresh();
        }
    }

    /** The search changed, or a user was saved: the list from its first page, and its count. */
    private void refresh() {
        CountEstimate estimate = list.count(new UserQuery(search.getValue(), null));
        count.setText(
                estimate.exact()
                        ? getTranslation("users.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "users.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
        if (rows != null) {
            rows.refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
