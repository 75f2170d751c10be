package com.nexo.security.sso;

import jakarta.validation.constraints.Size;

/**
 * The tenant's single sign-on settings as the administration form binds them ({@code
 * BeanValidationBinder}): loaded from {@link SingleSignOnSettings#current()}, saved by {@link
 * SingleSignOnSettings#change(SignOnForm)}, which checks the domain's format and that creation on has
 * one. Messages are translation keys.
 */
public class SignOnForm {

    private boolean autoCreate;

    @Size(max = SingleSignOnSettings.MAX_DOMAIN_LENGTH, message = "{sso.error.domain-format}")
    private String allowedDomain = "";

    public SignOnForm() {}

    public SignOnForm(boolean autoCreate, String allowedDomain) {
        this.autoCreate = autoCreate;
        this.allowedDomain = allowedDomain;
    }

    /** The form showing these settings. */
    public static SignOnForm of(SingleSignOnSettings.Settings settings) {
        return new SignOnForm(settings.autoCreate(), settings.allowedDomain() == null ? "" : settings.allowedDomain());
    }

    public boolean isAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public String getAllowedDomain() {
        return allowedDomain;
    }

    public void setAllowedDomain(String allowedDomain) {
        this.allowedDomain = allowedDomain;
    }
}
