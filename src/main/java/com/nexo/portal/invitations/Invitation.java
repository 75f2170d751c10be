package com.nexo.portal.invitations;

/**
 * What an invitation link stands for when someone opens it.
 *
 * @param status whether it can still be accepted, and if not why
 * @param name the invited contact's name; empty unless {@link Status#VALID}
 * @param email the address it will log in with; empty unless {@link Status#VALID}
 * @param language the contact's language ("es", "en"); null when unknown
 */
public record Invitation(Status status, String name, String email, String language) {

    /** Where a link stands. Each has its own message on the welcome page. */
    public enum Status {
        /** Waiting to be accepted, in time. */
        VALID,
        /** Not accepted in time. */
        EXPIRED,
        /** A newer invitation of the same contact was sent; only that one works. */
        REPLACED,
        /** Already accepted: links work once. */
        USED,
        /** No such invitation (mistyped, made up, or of a contact since removed). */
        UNKNOWN
    }

    static Invitation of(Status status) {
        return new Invitation(status, "", "", null);
    }
}
