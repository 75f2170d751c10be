package com.nexo.security.ui;

import com.nexo.security.AccessPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.roles.PermissionCatalog;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The tenant's roles and, for the one selected, what it allows: a list and a permission matrix. */
@Route("admin/roles")
@RolesAllowed(AccessPermissions.ROLES_READ)
@Menu(title = "menu.admin-roles", order = 91, icon = "vaadin:key")
public class RolesView extends Main implements HasDynamicTitle {

    private final transient RoleService roles;
    private final Grid<RoleSummary> grid = new Grid<>();
    private final RoleEditor editor;

    RolesView(RoleService roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.editor = new RoleEditor(roles, catalog, this::reload);
        addClassName("roles-view");

        grid.addClassName("roles-grid");
        grid.addComponentColumn(this::nameWithBadge)
                .setHeader(getTranslation("roles.column.name"))
                .setFlexGrow(1);
        grid.addColumn(RoleSummary::users)
                .setHeader(getTranslation("roles.column.users"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(change -> editor.show(change.getValue()));
        // Clicking the role already shown keeps it shown.
        ((GridSingleSelectionModel<RoleSummary>) grid.getSelectionModel()).setDeselectAllowed(false);

        Div list = new Div();
        list.addClassName("roles-list");
        if (CurrentUser.can(AccessPermissions.ROLES_EDIT)) {
            Button create = new Button(getTranslation("roles.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click -> newRole());
            Div toolbar = new Div(create);
            toolbar.addClassName("list-toolbar");
            list.add(toolbar);
        }
        list.add(grid);
        add(list, editor);
        reload(null);
    }

    /** Predefined roles carry a badge; custom ones show their code, since names may repeat. */
    private Component nameWithBadge(RoleSummary role) {
        if (!role.predefined()) {
            return Cells.twoLines(role.name(), role.code());
        }
        Badge badge = new Badge(getTranslation("roles.predefined"));
        badge.addThemeVariants(BadgeVariant.SMALL);
        Div cell = new Div(new Span(RoleNames.of(this, role)), badge);
        cell.addClassName("role-name-cell");
        return cell;
    }

    private void newRole() {
        new RoleCodeDialog(
                        getTranslation("roles.new.title"),
                        "",
                        form -> roles.createRole(new RoleDraft(form.getCode(), form.getName(), null, Set.of())),
                        this::reload)
                .open();
    }

    /** Reads the roles again and selects the one with this id (the first role when there is none). */
    private void reload(UUID select) {
        List<RoleSummary> all = RoleNames.sorted(this, roles.listRoles());
        grid.setItems(all);
        all.stream()
                .filter(role -> role.id().equals(select))
                .findFirst()
                .or(() -> all.stream().findFirst())
                .ifPresentOrElse(
                        role -> {
                            grid.select(role);
                            if (select != null) {
                                // A new role is last: keep it in view. By index: the grid's
                                // scrollToItem failed in the browser on a page's first render.
                                grid.scrollToIndex(all.indexOf(role));
                            }
                        },
                        () -> editor.show(null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roles.title");
    }
}
