package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.CompanyProfile;
import com.nexo.tenancy.CompanyProfiles;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The company details screen, on a tenant of each test's own. */
class CompanyViewTest extends KaribuTest {

    @Autowired
    private TenantService tenants;

    @Autowired
    private UserService users;

    @Autowired
    private CompanyProfiles profiles;

    private UUID tenantId;
    private String tenantName;

    @BeforeEach
    void openAsTheAdministratorOfANewTenant() {
        String code = AdminFixtures.unique("empresa");
        tenantName = "Empresa " + code;
        tenantId = TenantContext.callAsOperator(null, () -> tenants.createTenant(code, tenantName, "es"))
                .id();
        login(employee("administrator"));
        UI.getCurrent().navigate(CompanyView.class);
    }

    @Test
    void a_new_tenant_sees_its_name_and_a_note_that_the_details_are_missing() {
        _get(CompanyView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Datos de la empresa");
        assertThat(field("Razón social").getValue()).isEqualTo(tenantName);
        assertThat(field("País (código ISO)").getValue()).isEqualTo("ES");
        assertThat(_get(
                                com.vaadin.flow.component.html.Div.class,
                                spec -> spec.withText(
                                        "Aún no has completado los datos de la empresa: los documentos solo llevarán su nombre."))
                        .isVisible())
                .isTrue();
        _get(Button.class, spec -> spec.withText("Subir logotipo"));
        _assertNone(Image.class);
    }

    @Test
    void the_details_are_saved_and_printed_from_then_on() {
        field("Razón social").setValue("Talleres Vista, S.L.");
        field("NIF / CIF").setValue("B12345674");
        field("Dirección").setValue("Calle Mayor 1");
        field("Código postal").setValue("28013");
        field("Población").setValue("Madrid");
        _get(EmailField.class, spec -> spec.withLabel("Correo electrónico")).setValue("hola@vista.example");
        field("IBAN").setValue("ES91 2100 0418 4502 0005 1332");
        _click(save());

        expectNotifications("Datos de la empresa guardados.");
        CompanyProfile profile = TenantContext.callAsSystem(tenantId, null, profiles::current);
        assertThat(profile.configured()).isTrue();
        assertThat(profile.legalName()).isEqualTo("Talleres Vista, S.L.");
        assertThat(profile.iban()).isEqualTo("ES9121000418450200051332");
        assertThat(field("IBAN").getValue()).as("as stored").isEqualTo("ES9121000418450200051332");

        field("Población").setValue("Alcalá de Henares");
        _click(save());
        expectNotifications("Datos de la empresa guardados.");
        assertThat(TenantContext.callAsSystem(tenantId, null, profiles::current).city())
                .isEqualTo("Alcalá de Henares");
    }

    @Test
    void a_wrong_tax_id_is_marked_at_its_field_and_nothing_is_saved() {
        field("NIF / CIF").setValue("B12345675");
        _click(save());

        assertThat(field("NIF / CIF").isInvalid()).isTrue();
        assertThat(field("NIF / CIF").getErrorMessage())
                .isEqualTo("Escribe un NIF, NIE o CIF válido (por ejemplo B12345674).");
        assertThat(TenantContext.callAsSystem(tenantId, null, profiles::current).configured())
                .isFalse();
    }

    @Test
    void an_employee_without_the_permission_cannot_open_it() {
        UI.getCurrent().navigate(DashboardView.class);
        switchUser(employee("read-only"));

        assertThatThrownBy(() -> UI.getCurrent().navigate(CompanyView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    private String employee(String role) {
        String email = AdminFixtures.unique("empresa") + "@company-view.test";
        TenantContext.callAsSystem(
                tenantId,
                null,
                () -> users.createUser(new NewUser(
                        email,
                        "Persona " + role,
                        ActorType.EMPLOYEE,
                        null,
                        Set.of(role),
                        AdminFixtures.PASSWORD,
                        null)));
        return email;
    }

    private static TextField field(String label) {
        return _get(TextField.class, spec -> spec.withLabel(label));
    }

    private static Button save() {
        return _get(Button.class, spec -> spec.withText("Guardar"));
    }
}
