package com.nexo.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.pdf.QrCodes;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The company profile on tenants of each test's own: the tenant's name until a profile is saved,
 * saving and reading back (tax id and IBAN compacted, logo kept), saves over an older version and
 * broken rules refused, the permission, and no tenant ever reading or writing another's profile.
 */
@NexoSpringTest
class CompanyProfilesTest {

    private static final String PASSWORD = "Prueba-2026!";

    @Autowired
    private CompanyProfiles profiles;

    @Autowired
    private TenantService tenants;

    @Autowired
    private UserService users;

    @Autowired
    private UserDetailsService logins;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private UUID tenant;
    private String admin;
    private String tenantName;

    @BeforeEach
    void aTenantWithAnAdministrator() {
        String code = unique("empresa");
        tenantName = "Empresa " + code;
        tenant = TenantContext.callAsOperator(null, () -> tenants.createTenant(code, tenantName, "es"))
                .id();
        admin = employee(tenant, "administrator");
    }

    @Test
    void a_tenant_without_profile_prints_its_name() {
        CompanyProfile profile = as(admin, profiles::current);

        assertThat(profile.configured()).isFalse();
        assertThat(profile.legalName()).isEqualTo(tenantName);
        assertThat(profile.country()).isEqualTo("ES");
        assertThat(as(admin, profiles::getForm).getVersion()).isNull();
        assertThat(as(admin, profiles::getForm).getLegalName()).isEqualTo(tenantName);
    }

    @Test
    void a_saved_profile_reads_back_compacted_with_its_logo() {
        byte[] logo = QrCodes.png("logo", 100);
        CompanyProfileForm form = as(admin, profiles::getForm);
        fill(form);
        form.setLogo(logo, "image/png");

        CompanyProfileForm saved = as(admin, () -> profiles.save(form));

        assertThat(saved.getVersion()).isZero();
        CompanyProfile profile = as(admin, profiles::current);
        assertThat(profile.configured()).isTrue();
        assertThat(profile.legalName()).isEqualTo("Talleres Prueba, S.L.");
        assertThat(profile.taxId()).isEqualTo("B12345674");
        assertThat(profile.iban()).isEqualTo("ES9121000418450200051332");
        assertThat(profile.tradeName()).isNull();
        assertThat(profile.logo()).isEqualTo(logo);
        assertThat(profile.logoContentType()).isEqualTo("image/png");
        assertThat(profile.addressLines(Locale.of("es")))
                .containsExactly("Calle de la Forja 12", "48950 Erandio (Bizkaia)");
        assertThat(profile.addressLines(Locale.ENGLISH)).endsWith("Spain");
        assertThat(profile.asIssuer(Locale.of("es")).hasLogo()).isTrue();

        saved.setTradeName("Talleres P");
        saved.removeLogo();
        CompanyProfileForm again = as(admin, () -> profiles.save(saved));
        assertThat(again.getVersion()).isEqualTo(1);
        assertThat(as(admin, profiles::current).logo()).isNull();
        assertThat(as(admin, profiles::current).tradeName()).isEqualTo("Talleres P");
        assertThat(history()).as("the change is in the tenant's history").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_save_over_an_older_version_is_refused_and_changes_nothing() {
        CompanyProfileForm first = as(admin, profiles::getForm);
        fill(first);
        CompanyProfileForm stale = as(admin, () -> profiles.save(first));
        CompanyProfileForm current = as(admin, profiles::getForm);
        current.setCity("Bilbao");
        as(admin, () -> profiles.save(current));

        stale.setCity("Getxo");
        assertThatThrownBy(() -> as(admin, () -> profiles.save(stale)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(as(admin, profiles::current).city()).isEqualTo("Bilbao");

        CompanyProfileForm secondNew = new CompanyProfileForm();
        fill(secondNew);
        assertThatThrownBy(() -> as(admin, () -> profiles.save(secondNew)))
                .as("a second first save")
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void broken_rules_are_refused_with_their_keys() {
        CompanyProfileForm form = as(admin, profiles::getForm);
        fill(form);

        form.setTaxId("B12345675");
        assertRefused(form, "company.validation.tax-id");
        form.setTaxId("B12345674");
        form.setIban("ES9121000418450200051333");
        assertRefused(form, "company.validation.iban");
        form.setIban(null);
        form.setLegalName("  ");
        assertRefused(form, "company.validation.legal-name-required");
        form.setLegalName("Talleres Prueba, S.L.");
        form.setLogo("GIF89a-not-a-png".getBytes(), "image/png");
        assertRefused(form, "company.error.logo-type");
        form.setLogo(new byte[] {1, 2, 3, 4}, "image/gif");
        assertRefused(form, "company.error.logo-type");
        byte[] huge = new byte[CompanyProfileForm.MAX_LOGO_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        form.setLogo(huge, "image/jpeg");
        assertRefused(form, "company.error.logo-size");

        assertThat(as(admin, profiles::current).configured()).isFalse();
    }

    @Test
    void tax_ids_and_ibans_are_checked_by_their_check_characters() {
        assertThat(CompanyProfileForm.validTaxId("12345678Z")).as("DNI").isTrue();
        assertThat(CompanyProfileForm.validTaxId("12345678A")).isFalse();
        assertThat(CompanyProfileForm.validTaxId("X1234567L")).as("NIE").isTrue();
        assertThat(CompanyProfileForm.validTaxId("b-1234567.4"))
                .as("CIF, written loosely")
                .isTrue();
        assertThat(CompanyProfileForm.validTaxId("ESB12345674"))
                .as("with the ES prefix")
                .isTrue();
        assertThat(CompanyProfileForm.validTaxId("Q2826000H"))
                .as("a body whose CIF ends in a letter")
                .isTrue();
        assertThat(CompanyProfileForm.validTaxId("PT123456789"))
                .as("another country's VAT number")
                .isTrue();
        assertThat(CompanyProfileForm.validTaxId("1234")).isFalse();
        assertThat(CompanyProfileForm.validTaxId(" ")).as("none").isTrue();
        assertThat(CompanyProfileForm.validIban("ES91 2100 0418 4502 0005 1332"))
                .isTrue();
        assertThat(CompanyProfileForm.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(CompanyProfileForm.validIban("ES91 2100 0418 4502 0005 1333"))
                .isFalse();
    }

    @Test
    void an_employee_without_the_permission_reads_the_profile_but_cannot_change_it() {
        String reader = employee(tenant, "read-only");

        assertThat(as(reader, profiles::current).legalName()).isEqualTo(tenantName);
        assertThatThrownBy(() -> as(reader, profiles::getForm)).isInstanceOf(AccessDeniedException.class);
        CompanyProfileForm form = new CompanyProfileForm();
        fill(form);
        assertThatThrownBy(() -> as(reader, () -> profiles.save(form))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_tenant_never_reads_nor_writes_another_tenants_profile() {
        CompanyProfileForm form = as(admin, profiles::getForm);
        fill(form);
        as(admin, () -> profiles.save(form));
        String otherName = "Otra " + unique("empresa");
        UUID other = TenantContext.callAsOperator(null, () -> tenants.createTenant(unique("otra"), otherName, "en"))
                .id();
        String otherAdmin = employee(other, "administrator");

        CompanyProfile seen = as(otherAdmin, profiles::current);
        assertThat(seen.configured()).isFalse();
        assertThat(seen.legalName()).isEqualTo(otherName);
        assertThat(system(
                        other,
                        () -> jdbc.sql("SELECT count(*) FROM tenant_company")
                                .query(Long.class)
                                .single()))
                .isZero();
        assertThat(system(
                        other,
                        () -> jdbc.sql("UPDATE tenant_company SET city = 'X' WHERE tenant_id = :id")
                                .param("id", tenant)
                                .update()))
                .isZero();
        assertThatThrownBy(() -> system(
                        other,
                        () -> jdbc.sql("INSERT INTO tenant_company (tenant_id, legal_name) VALUES (:id, 'Intrusa')")
                                .param("id", tenant)
                                .update()))
                .isInstanceOf(DataAccessException.class);
        assertThat(as(admin, profiles::current).legalName()).isEqualTo("Talleres Prueba, S.L.");
    }

    private void assertRefused(CompanyProfileForm form, String key) {
        assertThatThrownBy(() -> as(admin, () -> profiles.save(form)))
                .isInstanceOfSatisfying(
                        TenantRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static void fill(CompanyProfileForm form) {
        form.setLegalName("  Talleres Prueba, S.L. ");
        form.setTradeName(" ");
        form.setTaxId("b-12345674");
        form.setStreet("Calle de la Forja 12");
        form.setPostalCode("48950");
        form.setCity("Erandio");
        form.setRegion("Bizkaia");
        form.setCountry("es");
        form.setEmail("facturacion@prueba.example");
        form.setPhone("+34 944 000 111");
        form.setWebsite("www.prueba.example");
        form.setIban("ES91 2100 0418 4502 0005 1332");
        form.setFooter("Inscrita en el Registro Mercantil de Bizkaia, tomo 1, folio 2, hoja BI-3");
    }

    private long history() {
        return system(
                tenant,
                () -> jdbc.sql("SELECT count(*) FROM change_history WHERE table_name = 'tenant_company'")
                        .query(Long.class)
                        .single());
    }

    private String employee(UUID tenantId, String role) {
        String email = unique("persona") + "@company-profile.test";
        TenantContext.callAsSystem(
                tenantId,
                null,
                () -> users.createUser(
                        new NewUser(email, "Persona " + role, ActorType.EMPLOYEE, null, Set.of(role), PASSWORD, null)));
        return email;
    }

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(logins, email, work);
    }

    private <T> T system(UUID tenantId, Supplier<T> work) {
        return TenantContext.callAsSystem(
                tenantId, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
