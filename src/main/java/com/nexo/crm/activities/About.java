package com.nexo.crm.activities;

import java.util.Objects;
import java.util.UUID;

/**
 * The record an activity is about: a lead, an opportunity or an account (an activity on an
 * opportunity also carries the opportunity's account, so the account's timeline lists it).
 */
public record About(Type type, UUID id) {

    public enum Type {
        LEAD,
        OPPORTUNITY,
        ACCOUNT;
    }

    public About {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static About lead(UUID id) {
        return new About(Type.LEAD, id);
    }

    public static About opportunity(UUID id) {
        return new About(Type.OPPORTUNITY, id);
    }

    public static About account(UUID id) {
        return new About(Type.ACCOUNT, id);
    }

    /** The route of the record's page. */
    public String route() {
        return switch (type) {
            case LEAD -> "crm/leads/" + id;
            case OPPORTUNITY -> "crm/opportunities/" + id;
            case ACCOUNT -> "accounts/" + id;
        };
    }
}
