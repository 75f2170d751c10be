package com.nexo.crm.webforms;

import java.util.UUID;

/**
 * A tenant's web-to-lead form: the token of its public address, its name, the source detail its leads
 * get, their default owner and team, where the visitor goes after posting, and whether it takes posts.
 */
public record WebForm(
        UUID id,
        String token,
        String name,
        String sourceDetail,
        UUID ownerId,
        UUID teamId,
        String thankYouUrl,
        boolean enabled,
        long version) {

    /** The public address of the form, below the application's base address. */
    public String path() {
        return WebToLeadController.ROOT + "/" + token;
    }
}
