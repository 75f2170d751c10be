package com.nexo.security.operators;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the operator enters for a new tenant and its first administrator, as the form binds it
 * ({@code BeanValidationBinder}) and {@link TenantProvisioning#createTenant(NewTenantForm)} saves it.
 * The constraints catch what can be told from the form alone; the services check everything again
 * (a code in use, an e-mail that logs in already, the password policy). Messages are translation keys.
 */
public class NewTenantForm {

    @NotBlank(message = "{tenants.error.code-format}")
    @Pattern(regexp = " *[a-z0-9][a-z0-9-]{1,62} *", message = "{tenants.error.code-format}")
    private String code = "";

    @NotBlank(message = "{tenants.error.name-required}")
    @Size(max = 200, message = "{tenants.error.name-too-long}")
    private String name = "";

    @NotNull(message = "{tenants.error.locale}")
    private String defaultLocale;

    @NotBlank(message = "{users.error.email-format}")
    @Email(message = "{users.error.email-format}")
    private String adminEmail = "";

    @NotBlank(message = "{users.error.name-required}")
    private String adminName = "";

    /** Checked by the password policy of the service, whose messages say exactly what is missing. */
    private String adminPassword = "";

    public NewTenantForm() {}

    public NewTenantForm(
            String code, String name, String defaultLocale, String adminEmail, String adminName, String adminPassword) {
        this.code = code;
        this.name = name;
        this.defaultLocale = defaultLocale;
        this.adminEmail = adminEmail;
        this.adminName = adminName;
        this.adminPassword = adminPassword;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    @Override
    public String toString() {
        // Never log the initial password.
        return "NewTenantForm[code=" + code + ", name=" + name + ", adminEmail=" + adminEmail + "]";
    }
}
