package com.nexo.tenancy;

import com.nexo.base.documents.PrintedParty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's company as its documents print it: legal name and tax id, address, contact, bank
 * account, logo and the registry details of the footer. Read by {@link CompanyProfiles#current()};
 * when the tenant has not filled it in, only the legal name (the tenant's name) is set.
 *
 * @param configured whether the tenant saved its profile (false: the fallback of its name)
 * @param logo PNG or JPEG bytes; null without logo
 * @param logoContentType {@code image/png} or {@code image/jpeg}; null without logo
 * @param footer registry details and other small print; null when none
 */
public record CompanyProfile(
        boolean configured,
        String legalName,
        String tradeName,
        String taxId,
        String street,
        String postalCode,
        String city,
        String region,
        String country,
        String email,
        String phone,
        String website,
        String iban,
        byte[] logo,
        String logoContentType,
        String footer) {

    /** The profile of a tenant that has not filled it in: its name, in Spain. */
    static CompanyProfile fallback(String tenantName) {
        return new CompanyProfile(
                false, tenantName, null, null, null, null, null, null, "ES", null, null, null, null, null, null, null);
    }

    public boolean hasLogo() {
        return logo != null && logo.length > 0 && logoContentType != null;
    }

    /**
     * The address as printed: street; postal code, city and region ("48950 Erandio (Bizkaia)"); and
     * the country's name in {@code language} when it is not Spain or the reader's is not Spanish.
     */
    public List<String> addressLines(Locale language) {
        List<String> lines = new ArrayList<>();
        if (street != null) {
            lines.add(street);
        }
        String place = String.join(" ", postalCode == null ? "" : postalCode, city == null ? "" : city)
                .strip();
        if (region != null && !region.equalsIgnoreCase(city == null ? "" : city)) {
            place = place.isEmpty() ? region : place + " (" + region + ")";
        }
        if (!place.isEmpty()) {
            lines.add(place);
        }
        if (country != null && (!"ES".equals(country) || !"es".equals(language.getLanguage()))) {
            String name = Locale.of("", country).getDisplayCountry(language);
            lines.add(name.isBlank() ? country : name);
        }
        return lines;
    }

    /** The issuer of a printed document: legal name, tax id, address, e-mail, phone and logo. */
    public PrintedParty asIssuer(Locale language) {
        return new PrintedParty(legalName, taxId, addressLines(language), email, phone, logo, logoContentType);
    }
}
