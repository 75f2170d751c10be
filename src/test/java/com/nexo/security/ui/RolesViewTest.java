package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RolesViewTest extends KaribuTest {

    @Autowired
    private RoleService roles;

    @Autowired
    private UserService users;

    @BeforeEach
    void loginAsAdministrator() {
        login("admin@demo.nexo");
    }

    @Test
    void shows_the_first_role_translated_with_its_permissions_read_only() {
        UI.getCurrent().navigate(RolesView.class);

        assertThat(_get(RoleEditor.class, spec -> spec.withPredicate(editor -> true))
                        .isVisible())
                .isTrue();
        assertThat(_get(H3.class).getText()).isEqualTo("Administrador");
        assertThat(_find(Checkbox.class)).isNotEmpty().allSatisfy(box -> {
            assertThat(box.getValue()).isTrue();
            assertThat(box.isReadOnly()).isTrue();
        });
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Roles y permisos");
    }

    @Test
    void the_matrix_has_a_column_for_the_usual_actions_and_names_each_modules_own_ones() {
        UI.getCurrent().navigate(RolesView.class);

        // Few columns, whatever the number of modules: it fits beside the list of roles at 1280 px.
        assertThat(_find(NativeTableHeaderCell.class).stream()
                        .filter(cell -> cell.getElement().getAttribute("scope") == null)
                        .map(NativeTableHeaderCell::getText))
                .containsExactly("Módulo", "Ver", "Crear", "Editar", "Eliminar", "Otras acciones");
        // A module's own action carries its name beside the box, and says the module to a screen reader.
        Checkbox merge = box("Cuentas: Fusionar");
        assertThat(merge.getLabel()).isEqualTo("Fusionar");
        assertThat(box("Existencias: Inventariar").getLabel()).isEqualTo("Inventariar");
        // A box in a column of its own needs no name: the column's header gives it.
        assertThat(box("Cuentas: Ver").getLabel()).isNullOrEmpty();
    }

    @Test
    void a_role_ticked_in_the_matrix_opens_exactly_the_allowed_pages_to_its_users() {
        UI.getCurrent().navigate(RolesView.class);
        String code = AdminFixtures.unique("matriz");
        _click(_get(Button.class, spec -> spec.withText("Nuevo rol")));
        RoleCodeDialog dialog = _get(RoleCodeDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Código")).setValue(code);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Auditor " + code);
        _click(_get(dialog, Button.class, spec -> spec.withText("Crear rol")));

        assertThat(_get(H3.class).getText()).isEqualTo("Auditor " + code);
        box("Usuarios: Ver").setValue(true);
        box("Roles: Ver").setValue(true);
        _click(_get(Button.class, spec -> spec.withText("Guardar")));

        assertThat(role(code).permissions()).containsExactlyInAnyOrder("users.read", "roles.read");

        String email = AdminFixtures.uniqueEmail("auditor");
        AdminFixtures.createEmployee(users, email, "Auditora " + code, code);
        switchUser(email);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("admin/users", "admin/roles")
                .doesNotContain("admin/security-events");
        UI.getCurrent().navigate(UsersView.class);
        _get(UsersView.class);
        UI.getCurrent().navigate(RolesView.class);
        _get(RolesView.class);
        _assertNone(Button.class, spec -> spec.withText("Nuevo rol"));
        _assertNone(Button.class, spec -> spec.withText("Guardar"));
        assertThatThrownBy(() -> UI.getCurrent().navigate(SecurityEventsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_predefined_role_cannot_be_edited_but_can_be_copied() {
        UI.getCurrent().navigate(RolesView.class);
        grid().select(roleInGrid("sales"));

        assertThat(_get(H3.class).getText()).isEqualTo("Ventas");
        assertThat(_find(Checkbox.class))
                .allSatisfy(box -> assertThat(box.isReadOnly()).isTrue());
        _assertNone(Button.class, spec -> spec.withText("Guardar"));
        _assertNone(Button.class, spec -> spec.withText("Eliminar"));

        _click(_get(Button.class, spec -> spec.withText("Copiar")));
        RoleCodeDialog dialog = _get(RoleCodeDialog.class);
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Nombre"))
                        .getValue())
                .isEqualTo("Copia de Ventas");
        String code = AdminFixtures.unique("ventas-copia");
        _get(dialog, TextField.class, spec -> spec.withLabel("Código")).setValue(code);
        _click(_get(dialog, Button.class, spec -> spec.withText("Crear rol")));

        assertThat(_get(H3.class).getText()).isEqualTo("Copia de Ventas");
        _get(Button.class, spec -> spec.withText("Guardar"));
        RoleSummary copy = role(code);
        assertThat(copy.predefined()).isFalse();
        assertThat(copy.permissions()).isEqualTo(role("sales").permissions());
    }

    @Test
    void a_code_that_breaks_the_rules_is_shown_next_to_the_code_field() {
        UI.getCurrent().navigate(RolesView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo rol")));
        RoleCodeDialog dialog = _get(RoleCodeDialog.class);
        TextField code = _get(dialog, TextField.class, spec -> spec.withLabel("Código"));
        code.setValue("Con Espacios");
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Mal código");

        _click(_get(dialog, Button.class, spec -> spec.withText("Crear rol")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("El código solo puede contener minúsculas, números y guiones.");
    }

    @Test
    void saving_over_a_version_someone_else_saved_shows_the_concurrent_edit_message() {
        String code = AdminFixtures.unique("concurrente");
        UUID id = roles.createRole(new RoleDraft(code, "Antes", null, Set.of("users.read")));
        UI.getCurrent().navigate(RolesView.class);
        grid().select(roleInGrid(code));
        box("Roles: Ver").setValue(true);

        RoleSummary theirs = role(code);
        roles.updateRole(id, theirs.version(), new RoleDraft(code, "Su cambio", null, Set.of("users.create")));
        _click(_get(Button.class, spec -> spec.withText("Guardar")));

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("form-problem"))
                        .getText())
                .startsWith("Otra persona ha guardado este registro mientras lo editabas.");
        assertThat(box("Roles: Ver").getValue()).isTrue();
        assertThat(role(code).permissions()).containsExactly("users.create");
    }

    @Test
    void deleting_a_custom_role_asks_first() {
        String code = AdminFixtures.unique("borrar");
        roles.createRole(new RoleDraft(code, "Para borrar", null, Set.of()));
        UI.getCurrent().navigate(RolesView.class);
        grid().select(roleInGrid(code));

        _click(_get(Button.class, spec -> spec.withText("Eliminar")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("¿Eliminar el rol Para borrar?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(roles.listRoles()).extracting(RoleSummary::code).doesNotContain(code);
        assertThat(grid().getListDataView().getItems())
                .extracting(RoleSummary::code)
                .doesNotContain(code);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RoleSummary> grid() {
        return _get(Grid.class);
    }

    private static RoleSummary roleInGrid(String code) {
        return grid().getListDataView()
                .getItems()
                .filter(role -> role.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private RoleSummary role(String code) {
        return roles.listRoles().stream()
                .filter(role -> role.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static Checkbox box(String label) {
        return _get(
                Checkbox.class,
                spec -> spec.withPredicate(
                        box -> box.getAriaLabel().filter(label::equals).isPresent()));
    }
}
