package com.nexo.tenancy;

import com.nexo.tenancy.TenantService.TenantRow;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A tenant's name as the operator's rename form binds it ({@code BeanValidationBinder}), taken from
 * the list row it was opened on and saved by {@link TenantService#rename(TenantNameForm)}: over the
 * version of that row only. Messages are translation keys.
 */
public class TenantNameForm {

    private UUID id;
    private long version;

    @NotBlank(message = "{tenants.error.name-required}")
    @Size(max = TenantService.MAX_NAME_LENGTH, message = "{tenants.error.name-too-long}")
    private String name;

    public TenantNameForm() {}

    public TenantNameForm(UUID id, long version, String name) {
        this.id = id;
        this.version = version;
        this.name = name;
    }

    /** The form for renaming the tenant of this list row, at the row's version. */
    public static TenantNameForm of(TenantRow row) {
        return new TenantNameForm(row.id(), row.version(), row.name());
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
