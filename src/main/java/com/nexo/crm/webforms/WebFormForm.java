package com.nexo.crm.webforms;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The editable values of a web form, bound by its settings dialog. */
public class WebFormForm {

    private UUID id;
    private Long version;

    @NotBlank(message = "{crm.webforms.validation.name-required}")
    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 120, message = "{crm.leads.validation.too-long}")
    private String name;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 200, message = "{crm.leads.validation.too-long}")
    private String sourceDetail;

    private UUID ownerId;
    private UUID teamId;

    @Size(max = 500, message = "{crm.leads.validation.too-long}")
    @Pattern(regexp = "(https?://\\S+)?", message = "{crm.webforms.validation.url}")
    private String thankYouUrl;

    private boolean enabled = true;

    public static WebFormForm of(WebForm form) {
        WebFormForm values = new WebFormForm();
        values.id = form.id();
        values.version = form.version();
        values.name = form.name();
        values.sourceDetail = form.sourceDetail();
        values.ownerId = form.ownerId();
        values.teamId = form.teamId();
        values.thankYouUrl = form.thankYouUrl();
        values.enabled = form.enabled();
        return values;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSourceDetail() {
        return sourceDetail;
    }

    public void setSourceDetail(String sourceDetail) {
        this.sourceDetail = sourceDetail;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    public String getThankYouUrl() {
        return thankYouUrl;
    }

    public void setThankYouUrl(String thankYouUrl) {
        this.thankYouUrl = thankYouUrl;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
