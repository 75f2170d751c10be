package com.nexo.base.documents;

import java.util.List;

/**
 * A party as a printed document names it: the issuer (the tenant's company) or the recipient (a
 * client or a supplier). Texts are final: the module that prints decides what each line says.
 *
 * @param name the legal name (the trade name, when there is one, is the caller's to add to it)
 * @param taxId NIF, CIF or VAT number; null when none
 * @param addressLines street, postal code and city, region, country, each a line; empty when none
 * @param email null when none
 * @param phone null when none
 * @param logo the image printed beside the issuer's name (PNG or JPEG); null when none
 * @param logoContentType {@code image/png} or {@code image/jpeg}; null without logo
 */
public record PrintedParty(
        String name,
        String taxId,
        List<String> addressLines,
        String email,
        String phone,
        byte[] logo,
        String logoContentType) {

    public PrintedParty {
        name = name == null ? "" : name;
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    /** A party without logo. */
    public PrintedParty(String name, String taxId, List<String> addressLines, String email, String phone) {
        this(name, taxId, addressLines, email, phone, null, null);
    }

    /** Whether a logo is printed. */
    public boolean hasLogo() {
        return logo != null && logo.length > 0 && logoContentType != null;
    }
}
