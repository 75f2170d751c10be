package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserEdits;
import com.nexo.security.users.UserForm;
import com.nexo.security.users.UserList;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridNoneSelectionModel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    private UserService users;

    @Autowired
    private UserList userList;

    @Autowired
    private UserAdministration administration;

    @Autowired
    private RoleService roles;

    @BeforeEach
    void openAsAdministrator() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(UsersView.class);
    }

    @Test
    void lists_the_tenants_users_with_translated_type_roles_and_status() {
        Grid<UserRow> grid = grid();
        search("admin@demo.nexo");

        assertThat(GridKt._fetch(grid, 0, 10)).extracting(UserRow::email).containsExactly("admin@demo.nexo");
        assertThat(cellText(grid, 0, "name")).contains("Ana Administradora", "admin@demo.nexo");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("empleado", "Administrador");
        assertThat(cellText(grid, 0, "status")).isEqualTo("Activo");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Usuarios");
    }

    @Test
    void the_search_filters_the_grid() {
        search("consulta@demo");

        assertThat(GridKt._fetch(grid(), 0, 50)).extracting(UserRow::email).containsExactly("consulta@demo.nexo");

        search("no-such-person-" + UUID.randomUUID());
        assertThat(GridKt._fetch(grid(), 0, 50)).isEmpty();
    }

    @Test
    void the_other_tenants_users_are_not_listed() {
        search("northwind");

        assertThat(GridKt._fetch(grid(), 0, 50)).isEmpty();
    }

    @Test
    void a_weak_initial_password_shows_the_policy_and_creates_nothing() {
        String email = AdminFixtures.uniqueEmail("weak");
        _click(_get(Button.class, spec -> spec.withText("Nuevo usuario")));
        NewUserDialog dialog = _get(NewUserDialog.class);
        _get(dialog, EmailField.class).setValue(email);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Débil Contraseña");
        _get(dialog, PasswordField.class).setValue("corta1");

        _click(_get(dialog, Button.class, spec -> spec.withText("Crear usuario")));

        PasswordField password = _get(dialog, PasswordField.class);
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("La contraseña debe tener al menos 10 caracteres.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(userList.page(new UserQuery(email, null), null, 10).rows()).isEmpty();
    }

    @Test
    void a_valid_new_user_is_created_with_its_roles_and_shown_in_the_grid() {
        String email = AdminFixtures.uniqueEmail("nuevo");
        _click(_get(Button.class, spec -> spec.withText("Nuevo usuario")));
        NewUserDialog dialog = _get(NewUserDialog.class);
        _get(dialog, EmailField.class).setValue(email);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Nuevo Empleado");
        _get(dialog, PasswordField.class).setValue(AdminFixtures.PASSWORD);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<RoleSummary> roles = _get(dialog, MultiSelectComboBox.class);
        roles.setValue(Set.of(role(roles, "sales")));

        _click(_get(dialog, Button.class, spec -> spec.withText("Crear usuario")));

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Usuario " + email + " creado. Entrégale la contraseña inicial por un medio seguro.");
        search(email);
        assertThat(cellText(grid(), 0, "name")).contains("Nuevo Empleado", email);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("empleado", "Ventas");
    }

    @Test
    void saving_over_a_version_someone_else_saved_shows_the_concurrent_edit_message_and_keeps_the_input() {
        String email = AdminFixtures.uniqueEmail("concurrente");
        UUID id = AdminFixtures.createEmployee(users, email, "Antes Del Cambio", "read-only");
        search(email);
        GridKt._selectRow(grid(), 0);
        UserEditDialog dialog = _get(UserEditDialog.class);
        TextField name = _get(dialog, TextField.class, spec -> spec.withLabel("Nombre"));
        name.setValue("Mi Cambio");

        // Someone else saves the same user meanwhile.
        UserForm theirs = administration.getForm(id);
        administration.update(UserEdits.edited(theirs, "Su Cambio", true, theirs.getRoleIds()));
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withClasses("form-problem"))
                        .getText())
                .isEqualTo("Otra persona ha guardado este registro mientras lo editabas."
                        + " No se ha sobrescrito nada: vuelve a cargarlo para ver sus cambios.");
        assertThat(name.getValue()).isEqualTo("Mi Cambio");
        assertThat(administration.getForm(id).getDisplayName()).isEqualTo("Su Cambio");
    }

    @Test
    void an_edit_saves_name_access_and_roles() {
        String email = AdminFixtures.uniqueEmail("editado");
        UUID id = AdminFixtures.createEmployee(users, email, "Sin Editar", "read-only");
        search(email);
        GridKt._selectRow(grid(), 0);
        UserEditDialog dialog = _get(UserEditDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Ya Editado");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<RoleSummary> roles = _get(dialog, MultiSelectComboBox.class);
        roles.setValue(Set.of(role(roles, "sales"), role(roles, "warehouse")));

        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(cellText(grid(), 0, "name")).contains("Ya Editado", email);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("empleado", "Almacén, Ventas");
        assertThat(administration.getForm(id).getRoleIds()).hasSize(2);
    }

    @Test
    void a_password_reset_follows_the_policy_and_then_lets_the_edit_be_saved() {
        String email = AdminFixtures.uniqueEmail("reset");
        UUID id = AdminFixtures.createEmployee(users, email, "Olvida Contraseñas", "read-only");
        search(email);
        GridKt._selectRow(grid(), 0);
        UserEditDialog dialog = _get(UserEditDialog.class);
        PasswordField password = _get(dialog, PasswordField.class);

        password.setValue("soloLetrasSinMas");
        _click(_get(dialog, Button.class, spec -> spec.withText("Poner contraseña")));
        assertThat(password.getErrorMessage()).isEqualTo("Combina letras con números o símbolos.");

        password.setValue("Nueva-Clave-2026");
        _click(_get(dialog, Button.class, spec -> spec.withText("Poner contraseña")));
        expectNotifications("Contraseña nueva puesta para " + email + ". Entrégasela por un medio seguro.");

        // The reset wrote the user's row; the form's own changes still save.
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Ya Recuerda");
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        assertThat(administration.getForm(id).getDisplayName()).isEqualTo("Ya Recuerda");
    }

    @Test
    void a_user_who_may_only_read_users_gets_neither_the_create_button_nor_the_edit_dialog() {
        String code = AdminFixtures.unique("lee-usuarios");
        roles.createRole(new RoleDraft(code, "Lee usuarios", null, Set.of("users.read")));
        String email = AdminFixtures.uniqueEmail("lector");
        AdminFixtures.createEmployee(users, email, "Solo Lee Usuarios", code);

        switchUser(email);
        UI.getCurrent().navigate(UsersView.class);

        _get(UsersView.class);
        _assertNone(Button.class, spec -> spec.withText("Nuevo usuario"));
        // Rows cannot be selected, so no edit dialog can be opened.
        assertThat(grid().getSelectionModel()).isInstanceOf(GridNoneSelectionModel.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserRow> grid() {
        return _get(Grid.class);
    }

    private static String cellText(Grid<UserRow> grid, int row, String column) {
        return GridKt._getCellComponent(grid, row, column).getElement().getTextRecursively();
    }

    private static void search(String text) {
        _get(TextField.class, spec -> spec.withPlaceholder("Buscar por nombre o correo"))
                .setValue(text);
    }

    private static RoleSummary role(MultiSelectComboBox<RoleSummary> roles, String code) {
        List<RoleSummary> items = roles.getListDataView().getItems().toList();
        return items.stream()
                .filter(role -> role.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
