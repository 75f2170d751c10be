package com.nexo.security.roles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The code and name of a role about to be created (a new one, or a copy of another), as the form
 * binds them ({@code BeanValidationBinder}); {@link RoleService} checks them again. Messages are
 * translation keys.
 */
public class RoleCodeForm {

    @NotBlank(message = "{roles.error.code-format}")
    @Pattern(regexp = " *[a-z0-9][a-z0-9-]{0,62} *", message = "{roles.error.code-format}")
    private String code = "";

    @NotBlank(message = "{roles.error.name-required}")
    private String name = "";

    public RoleCodeForm() {}

    public RoleCodeForm(String name) {
        this.name = name;
    }

    /** The code without surrounding spaces. */
    public String getCode() {
        return code == null ? null : code.strip();
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
}
