package com.nexo.accounts.contacts;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The editable values of a contact (a person of an account), bound by the contact form. */
public class ContactForm {

    private UUID id;
    private Long version;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @NotBlank(message = "{accounts.validation.contact-name-required}")
    @Size(max = 200, message = "{accounts.validation.too-long}")
    private String name;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 100, message = "{accounts.validation.too-long}")
    private String position;

    private List<
                    @Email(message = "{accounts.validation.email}")
                    @NoControlCharacters(message = "{accounts.validation.control-characters}")
                    @Size(max = 254, message = "{accounts.validation.too-long}") String>
            emails = new ArrayList<>();

    private List<@Pattern(regexp = "\\+?[0-9 ().-]{6,25}", message = "{accounts.validation.phone}") String> phones =
            new ArrayList<>();

    @Pattern(regexp = "es|en", message = "{accounts.validation.language}")
    private String language;

    private boolean primary;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 4000, message = "{accounts.validation.too-long}")
    private String notes;

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

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public List<String> getEmails() {
        return emails;
    }

    public void setEmails(List<String> emails) {
        this.emails = emails == null ? new ArrayList<>() : new ArrayList<>(emails);
    }

    public List<String> getPhones() {
        return phones;
    }

    public void setPhones(List<String> phones) {
        this.phones = phones == null ? new ArrayList<>() : new ArrayList<>(phones);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** The account's primary contact; making one primary makes the previous one secondary. */
    public boolean isPrimary() {
        return primary;
    }

    public void setPrimary(boolean primary) {
        this.primary = primary;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
