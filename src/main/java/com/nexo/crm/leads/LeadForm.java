package com.nexo.crm.leads;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The editable values of a lead, bound by the lead form and posted by web forms: a person or a
 * company (or both), how to reach them, where the lead came from and what it asked about. Tags are
 * written as one text, separated by commas. Messages are translation keys.
 */
public class LeadForm {

    private UUID id;
    private Long version;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 200, message = "{crm.leads.validation.too-long}")
    private String personName;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 200, message = "{crm.leads.validation.too-long}")
    private String companyName;

    @Email(message = "{crm.leads.validation.email}")
    @Size(max = 254, message = "{crm.leads.validation.too-long}")
    private String email;

    @Pattern(regexp = "(\\+?[0-9 ().-]{6,25})?", message = "{crm.leads.validation.phone}")
    private String phone;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 40, message = "{crm.leads.validation.too-long}")
    private String taxId;

    @NotNull(message = "{crm.leads.validation.source-required}")
    private LeadSource source = LeadSource.MANUAL;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 200, message = "{crm.leads.validation.too-long}")
    private String sourceDetail;

    @Size(max = 4000, message = "{crm.leads.validation.too-long}")
    private String interest;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 80, message = "{crm.leads.validation.too-long}")
    private String region;

    @NoControlCharacters(message = "{crm.leads.validation.control-characters}")
    @Size(max = 500, message = "{crm.leads.validation.too-long}")
    private String tags;

    private UUID ownerId;
    private UUID teamId;

    /** A lead names a person or a company. */
    @AssertTrue(message = "{crm.leads.validation.name-required}")
    public boolean isNamed() {
        return !blank(personName) || !blank(companyName);
    }

    /** The tags as a list: trimmed, lower case, without blanks or repeats. */
    public List<String> tagList() {
        if (blank(tags)) {
            return List.of();
        }
        return Arrays.stream(tags.split(","))
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
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

    public String getPersonName() {
        return personName;
    }

    public void setPersonName(String personName) {
        this.personName = personName;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public LeadSource getSource() {
        return source;
    }

    public void setSource(LeadSource source) {
        this.source = source;
    }

    public String getSourceDetail() {
        return sourceDetail;
    }

    public void setSourceDetail(String sourceDetail) {
        this.sourceDetail = sourceDetail;
    }

    public String getInterest() {
        return interest;
    }

    public void setInterest(String interest) {
        this.interest = interest;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
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
}
