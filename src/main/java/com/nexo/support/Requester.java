package com.nexo.support;

import com.nexo.tenancy.ActorType;
import java.util.List;
import java.util.Optional;

/**
 * Which portal a request was opened from: a client's, a supplier's or a professional's. Each sees only
 * its own account's requests of its own kind, and is offered the categories that fit what it deals
 * with the company about.
 */
public enum Requester {
    CLIENT(List.of(
            RequestCategory.QUESTION,
            RequestCategory.ORDER,
            RequestCategory.INVOICE,
            RequestCategory.DELIVERY,
            RequestCategory.OTHER)),
    SUPPLIER(List.of(
            RequestCategory.QUESTION,
            RequestCategory.ORDER,
            RequestCategory.DELIVERY,
            RequestCategory.INVOICE,
            RequestCategory.PAYMENT,
            RequestCategory.OTHER)),
    PROFESSIONAL(
            List.of(RequestCategory.QUESTION, RequestCategory.JOB, RequestCategory.PAYMENT, RequestCategory.OTHER));

    private final List<RequestCategory> categories;

    Requester(List<RequestCategory> categories) {
        this.categories = categories;
    }

    /** What a request of this kind may be about, in the order a form offers them; the first by default. */
    public List<RequestCategory> categories() {
        return categories;
    }

    /** The requester an actor opens requests as; empty for anyone but a portal actor. */
    public static Optional<Requester> of(ActorType actor) {
        return switch (actor) {
            case CLIENT -> Optional.of(CLIENT);
            case SUPPLIER -> Optional.of(SUPPLIER);
            case PROFESSIONAL -> Optional.of(PROFESSIONAL);
            default -> Optional.empty();
        };
    }
}
