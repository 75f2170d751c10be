package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventList;
import com.nexo.security.events.SecurityEventList.EventQuery;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.operators.NewTenantForm;
import com.nexo.security.operators.TenantProvisioning;
import com.nexo.security.roles.RoleService;
import com.nexo.security.users.UserList;
import com.nexo.security.users.UserList.UserQuery;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.Tenant;
import com.nexo.tenancy.TenantList;
import com.nexo.tenancy.TenantList.TenantQuery;
import com.nexo.tenancy.TenantService;
import com.nexo.tenancy.TenantService.TenantRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class OperatorConsoleTest extends KaribuTest {

    private static final String OPERATOR = "operador@nexo.local";
    private static final String PASSWORD = "Inicial-2026!";

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private TenantService tenants;

    @Autowired
    private TenantList tenantList;

    @Autowired
    private TenantProvisioning provisioning;

    @Autowired
    private UserService users;

    @Autowired
    private UserList userList;

    @Autowired
    private RoleService roles;

    @Autowired
    private SecurityEventList eventList;

    @Test
    void the_platform_operator_logs_in_as_an_operator_without_a_tenant() {
        NexoUser operator = (NexoUser) userDetails.loadUserByUsername(OPERATOR);

        assertThat(operator.isOperator()).isTrue();
        assertThat(operator.tenantId()).isNull();
        assertThat(operator.isEnabled()).isTrue();
        assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        assertThat(operator.databaseContext().actorType()).isEqualTo(ActorType.OPERATOR);
        // Configured for development: the demo password, never one written in the code.
        assertThat(passwordEncoder.matches("Demo-2026!", operator.getPassword()))
                .isTrue();
    }

    @Test
    void the_operators_language_choice_is_remembered_for_its_next_login() {
        login(OPERATOR);
        users.changeMyLanguage(Locale.ENGLISH);
        assertThat(((NexoUser) userDetails.loadUserByUsername(OPERATOR)).locale())
                .isEqualTo(Locale.ENGLISH);

        users.changeMyLanguage(Locale.of("es"));
        assertThat(((NexoUser) userDetails.loadUserByUsername(OPERATOR)).locale())
                .isEqualTo(Locale.of("es"));
    }

    @Test
    void the_console_lists_the_tenants_for_the_operator() {
        login(OPERATOR);
        UI.getCurrent().navigate(TenantsView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Organizaciones");
        assertThat(rows()).extracting(TenantRow::code).contains("demo", "northwind");
        TenantRow demo = row("demo");
        assertThat(demo.name()).isEqualTo("Talleres Nexo Demo, S.L.");
        assertThat(demo.status()).isEqualTo(Tenant.Status.ACTIVE);
    }

    @Test
    void the_operator_lands_on_the_console_and_its_menu_offers_nothing_else() {
        login(OPERATOR);
        UI.getCurrent().navigate(DashboardView.class);

        _get(TenantsView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .containsExactly(Tuple.tuple("Organizaciones", "operator/tenants"));
        assertThat(_get(Span.class, spec -> spec.withClasses("drawer-tenant")).getText())
                .isEqualTo("Consola de operador");
    }

    @Test
    void a_tenant_administrator_cannot_open_the_console_nor_call_its_services() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        assertThatThrownBy(() -> UI.getCurrent().navigate(TenantsView.class)).hasMessageContaining("Access is denied");
        _assertNone(TenantsView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("operator/tenants");
        assertThatThrownBy(() ->
                        tenantList.page(new TenantQuery("", null), null, 10).rows())
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.suspend(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> provisioning.createTenant(newTenant(unique(), "x-" + unique() + "@example.test")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void creating_a_tenant_creates_its_first_administrator_who_logs_in_to_that_tenant_only() {
        String code = unique();
        String adminEmail = "admin-" + code + "@example.test";
        login(OPERATOR);
        UI.getCurrent().navigate(TenantsView.class);

        _click(_get(Button.class, spec -> spec.withId("new-tenant")));
        _get(TextField.class, spec -> spec.withId("tenant-code")).setValue(code);
        _get(TextField.class, spec -> spec.withId("tenant-name")).setValue("Talleres " + code);
        @SuppressWarnings("unchecked")
        Select<String> language = _get(Select.class, spec -> spec.withId("tenant-language"));
        language.setValue("en");
        _get(EmailField.class, spec -> spec.withId("admin-email")).setValue(adminEmail);
        _get(TextField.class, spec -> spec.withId("admin-name")).setValue("Ada Admin");
        _get(PasswordField.class, spec -> spec.withId("admin-password")).setValue(PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("create-tenant")));

        TenantRow created = row(code);
        assertThat(created.name()).isEqualTo("Talleres " + code);
        assertThat(created.defaultLocale()).isEqualTo("en");

        // The administrator logs in through the real look-up, with the initial password...
        NexoUser admin = (NexoUser) userDetails.loadUserByUsername(adminEmail);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(admin.tenantId()).isEqualTo(created.id());
        assertThat(admin.actorType()).isEqualTo(ActorType.EMPLOYEE);
        assertThat(passwordEncoder.matches(PASSWORD, admin.getPassword())).isTrue();
        assertThat(admin.locale()).isEqualTo(Locale.ENGLISH);

        // ... and works in the new tenant only: its row, its one user, its roles and its log.
        logout();
        login(adminEmail);
        assertThat(tenants.currentTenant())
                .map(TenantService.TenantSummary::code)
                .contains(code);
        assertThat(userList.page(new UserQuery("", null), null, 100).rows())
                .extracting(UserRow::email)
                .containsExactly(adminEmail);
        assertThat(roles.listRoles()).extracting(RoleService.RoleSummary::code).contains("administrator");
        assertThat(eventList
                        .page(new EventQuery(SecurityEventType.USER_CREATED, null), null, 10)
                        .rows())
                .singleElement()
                .satisfies(event -> assertThat(event.details()).contains(adminEmail, "administrator"));
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(Span.class, spec -> spec.withClasses("drawer-tenant")).getText())
                .isEqualTo("Talleres " + code);
    }

    @Test
    void a_refused_administrator_leaves_no_tenant_behind_and_the_dialog_says_why() {
        String code = unique();
        login(OPERATOR);
        UI.getCurrent().navigate(TenantsView.class);

        _click(_get(Button.class, spec -> spec.withId("new-tenant")));
        _get(TextField.class, spec -> spec.withId("tenant-code")).setValue(code);
        _get(TextField.class, spec -> spec.withId("tenant-name")).setValue("Refused " + code);
        _get(EmailField.class, spec -> spec.withId("admin-email")).setValue("boss-" + code + "@example.test");
        _get(TextField.class, spec -> spec.withId("admin-name")).setValue("Boss");
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("admin-password"));
        password.setValue("short");
        _click(_get(Button.class, spec -> spec.withId("create-tenant")));

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("La contraseña debe tener al menos 10 caracteres.");
        assertThat(tenantList.page(new TenantQuery(code, null), null, 10).rows())
                .isEmpty();

        // A code in use, and an e-mail that already logs in (the operator's own), are refused too.
        TextField codeField = _get(TextField.class, spec -> spec.withId("tenant-code"));
        codeField.setValue("demo");
        password.setValue(PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("create-tenant")));
        assertThat(codeField.isInvalid()).isTrue();
        assertThat(codeField.getErrorMessage()).isEqualTo("Otra organización ya tiene este código.");

        codeField.setValue(code);
        EmailField email = _get(EmailField.class, spec -> spec.withId("admin-email"));
        email.setValue(OPERATOR.toUpperCase(Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withId("create-tenant")));
        assertThat(codeField.isInvalid()).isFalse();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Esta dirección de correo ya está en uso.");
        assertThat(tenantList.page(new TenantQuery(code, null), null, 10).rows())
                .isEmpty();
    }

    @Test
    void suspending_a_tenant_stops_its_administrator_from_logging_in_and_reactivating_lets_them_in_again() {
        String code = unique();
        String adminEmail = "admin-" + code + "@example.test";
        login(OPERATOR);
        provisioning.createTenant(newTenant(code, adminEmail));
        UI.getCurrent().navigate(TenantsView.class);
        _get(TextField.class, spec -> spec.withId("tenant-search")).setValue(code);
        assertThat(rows()).extracting(TenantRow::code).containsExactly(code);

        actionButton("Suspender").click();
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));

        assertThat(row(code).status()).isEqualTo(Tenant.Status.SUSPENDED);
        assertThat(userDetails.loadUserByUsername(adminEmail).isEnabled()).isFalse();
        assertThat(GridKt._getFormattedRow(grid(), 0)).anyMatch(cell -> cell.contains("Suspendida"));

        actionButton("Reactivar").click();
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));

        assertThat(row(code).status()).isEqualTo(Tenant.Status.ACTIVE);
        UserDetails admin = userDetails.loadUserByUsername(adminEmail);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, admin.getPassword())).isTrue();
    }

    @Test
    void the_operator_renames_a_tenant_and_its_users_see_the_new_name() {
        String code = unique();
        String adminEmail = "admin-" + code + "@example.test";
        login(OPERATOR);
        provisioning.createTenant(newTenant(code, adminEmail));
        UI.getCurrent().navigate(TenantsView.class);
        _get(TextField.class, spec -> spec.withId("tenant-search")).setValue(code);

        actionButton("Renombrar").click();
        TextField name = _get(TextField.class, spec -> spec.withId("tenant-new-name"));
        name.setValue(" ");
        _click(_get(Button.class, spec -> spec.withId("rename-tenant")));
        assertThat(name.getErrorMessage()).isEqualTo("Escribe el nombre de la organización.");
        name.setValue("Renamed " + code);
        _click(_get(Button.class, spec -> spec.withId("rename-tenant")));

        assertThat(row(code).name()).isEqualTo("Renamed " + code);
        logout();
        login(adminEmail);
        assertThat(tenants.currentTenant())
                .map(TenantService.TenantSummary::name)
                .contains("Renamed " + code);
    }

    private static NewTenantForm newTenant(String code, String adminEmail) {
        return new NewTenantForm(code, "Tenant " + code, "es", adminEmail, "Admin " + code, PASSWORD);
    }

    private static String unique() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private static Grid<TenantRow> grid() {
        return _get(Grid.class);
    }

    private static List<TenantRow> rows() {
        return GridKt._fetch(grid(), 0, 1000);
    }

    private TenantRow row(String code) {
        return tenantList.page(new TenantQuery(code, null), null, 10).rows().stream()
                .filter(row -> row.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** A button of the first row's actions (components of grid cells are clicked on the server). */
    private static Button actionButton(String text) {
        Component cell = GridKt._getCellComponent(grid(), 0, "actions");
        return _get(cell, Button.class, spec -> spec.withText(text));
    }
}
