package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.events.SecurityEventList;
import com.nexo.security.events.SecurityEventList.EventQuery;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.sso.SingleSignOnSettings;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant administrator's single sign-on settings, on a tenant of each test's own (the settings
 * are the tenant's, and a domain belongs to one tenant only).
 */
class SingleSignOnViewTest extends KaribuTest {

    @Autowired
    private TenantService tenants;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @Autowired
    private SingleSignOnSettings settings;

    @Autowired
    private SecurityEventLog events;

    @Autowired
    private SecurityEventList eventList;

    private UUID tenantId;
    private String admin;

    @BeforeEach
    void openAsTheAdministratorOfANewTenant() {
        String code = AdminFixtures.unique("sso");
        tenantId = TenantContext.callAsOperator(null, () -> tenants.createTenant(code, "SSO " + code, "es"))
                .id();
        admin = AdminFixtures.unique("sso-admin") + "@sso-view.test";
        asSystem(() -> users.createUser(new NewUser(
                admin, "Admin SSO", ActorType.EMPLOYEE, null, Set.of("administrator"), AdminFixtures.PASSWORD, null)));
        login(admin);
        UI.getCurrent().navigate(SingleSignOnView.class);
    }

    @Test
    void shows_the_default_settings_off_and_without_domain() {
        _get(SingleSignOnView.class);
        assertThat(autoCreate().getValue()).isFalse();
        assertThat(domain().getValue()).isEmpty();
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Inicio de sesión único");
        // The test installation has a provider, so no "not configured" note.
        assertThat(settings.current().providersConfigured()).isTrue();
    }

    @Test
    void turning_creation_on_saves_the_domain_in_lower_case_and_logs_the_change() {
        autoCreate().setValue(true);
        String domain = AdminFixtures.unique("Empresa") + ".Example";
        domain().setValue("  " + domain + " ");
        _click(save());

        expectNotifications("Ajustes de inicio de sesión único guardados.");
        assertThat(domain().getValue()).isEqualTo(domain.toLowerCase(java.util.Locale.ROOT));
        SingleSignOnSettings.Settings saved = settings.current();
        assertThat(saved.autoCreate()).isTrue();
        assertThat(saved.allowedDomain()).isEqualTo(domain.toLowerCase(java.util.Locale.ROOT));
        assertThat(eventList
                        .page(new EventQuery(SecurityEventType.SSO_SETTINGS_CHANGED, null), null, 20)
                        .rows())
                .singleElement()
                .satisfies(event -> assertThat(event.details()).contains("auto-create=true"));
    }

    @Test
    void creation_without_a_domain_is_refused_next_to_the_field() {
        autoCreate().setValue(true);
        _click(save());

        assertThat(domain().isInvalid()).isTrue();
        assertThat(domain().getErrorMessage())
                .isEqualTo("Escribe tu dominio de correo para crear usuarios al entrar por primera vez.");
        assertThat(settings.current().autoCreate()).isFalse();
    }

    @Test
    void a_malformed_domain_is_refused() {
        domain().setValue("no es un dominio");
        _click(save());

        assertThat(domain().getErrorMessage()).isEqualTo("Escribe un nombre de dominio como ejemplo.com.");
        assertThat(settings.current().allowedDomain()).isNull();
    }

    @Test
    void a_domain_of_another_tenant_is_refused() {
        String domain = AdminFixtures.unique("compartido") + ".example";
        autoCreate().setValue(true);
        domain().setValue(domain);
        _click(save());
        expectNotifications("Ajustes de inicio de sesión único guardados.");

        openAsTheAdministratorOfANewTenant();
        domain().setValue(domain);
        _click(save());

        assertThat(domain().getErrorMessage()).isEqualTo("Otra organización ya usa este dominio.");
        assertThat(settings.current().allowedDomain()).isNull();
    }

    @Test
    void a_user_who_may_only_read_users_sees_the_settings_but_cannot_change_them() {
        String code = AdminFixtures.unique("lee-usuarios");
        roles.createRole(new RoleDraft(code, "Lee usuarios", null, Set.of("users.read")));
        String reader = AdminFixtures.unique("lector") + "@sso-view.test";
        AdminFixtures.createEmployee(users, reader, "Solo Lee Usuarios", code);

        switchUser(reader);
        UI.getCurrent().navigate(SingleSignOnView.class);

        _get(SingleSignOnView.class);
        assertThat(autoCreate().isReadOnly()).isTrue();
        assertThat(domain().isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withText("Guardar"));
    }

    @Test
    void an_administrator_sets_a_password_for_a_user_who_signs_on_without_one() {
        String email = AdminFixtures.unique("sin-clave") + "@sso-view.test";
        UUID id = asSystem(() -> users.createSingleSignOnUser(email, "Sin Clave", null, "oidc:test-idp"));
        UI.getCurrent().navigate(UsersView.class);
        _get(TextField.class, spec -> spec.withPlaceholder("Buscar por nombre o correo"))
                .setValue(email);
        @SuppressWarnings("unchecked")
        Grid<UserRow> grid = _get(Grid.class);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("empleado", "Solo lectura");

        GridKt._selectRow(grid, 0);
        UserEditDialog dialog = _get(UserEditDialog.class);
        _get(dialog, PasswordField.class).setValue("Nueva-Clave-2026");
        _click(_get(dialog, Button.class, spec -> spec.withText("Poner contraseña")));

        expectNotifications("Contraseña nueva puesta para " + email + ". Entrégasela por un medio seguro.");
        // Now the password login finds the user too.
        UI.getCurrent().navigate(DashboardView.class);
        switchUser(email);
        assertThat(CurrentUser.get()).map(NexoUser::userId).contains(id);
    }

    private <T> T asSystem(java.util.function.Supplier<T> work) {
        return TenantContext.callAsSystem(tenantId, null, work);
    }

    private static Checkbox autoCreate() {
        return _get(Checkbox.class, spec -> spec.withLabel("Crear usuarios al entrar por primera vez"));
    }

    private static TextField domain() {
        return _get(TextField.class, spec -> spec.withLabel("Tu dominio de correo"));
    }

    private static Button save() {
        return _get(Button.class, spec -> spec.withText("Guardar"));
    }
}
