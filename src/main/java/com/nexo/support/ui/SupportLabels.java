package com.nexo.support.ui;

import com.nexo.base.RuleException;
import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.function.Function;

/** The words of requests in the user's language: states, categories, requesters, refusals. */
final class SupportLabels {

    private SupportLabels() {}

    /**
     * A list filter: {@code select}, labelled {@code label}, offers {@code values} named by
     * {@code names}, and an empty choice named {@code any} (no filter).
     */
    @SafeVarargs
    static <T> void filter(Select<T> select, String label, String any, Function<T, String> names, T... values) {
        select.setLabel(label);
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        select.setItemLabelGenerator(value -> value == null ? any : names.apply(value));
    }

    static String state(Component context, RequestState state) {
        return switch (state) {
            case OPEN -> context.getTranslation("support.state.open");
            case ANSWERED -> context.getTranslation("support.state.answered");
            case CLOSED -> context.getTranslation("support.state.closed");
        };
    }

    static String category(Component context, RequestCategory category) {
        return switch (category) {
            case QUESTION -> context.getTranslation("support.category.question");
            case ORDER -> context.getTranslation("support.category.order");
            case INVOICE -> context.getTranslation("support.category.invoice");
            case DELIVERY -> context.getTranslation("support.category.delivery");
            case PAYMENT -> context.getTranslation("support.category.payment");
            case JOB -> context.getTranslation("support.category.job");
            case OTHER -> context.getTranslation("support.category.other");
        };
    }

    static String requester(Component context, Requester requester) {
        return switch (requester) {
            case CLIENT -> context.getTranslation("support.requester.client");
            case SUPPLIER -> context.getTranslation("support.requester.supplier");
            case PROFESSIONAL -> context.getTranslation("support.requester.professional");
        };
    }

    /** A badge with the kind of portal a request came from. */
    static Span requesterBadge(Component context, Requester requester) {
        Span badge = new Span(requester(context, requester));
        badge.getElement().setAttribute("theme", "badge contrast pill");
        badge.addClassName("support-requester");
        return badge;
    }

    /** A badge with the state, coloured by whose turn it is. */
    static Span stateBadge(Component context, RequestState state) {
        Span badge = new Span(state(context, state));
        badge.getElement()
                .setAttribute(
                        "theme",
                        switch (state) {
                            case OPEN -> "badge";
                            case ANSWERED -> "badge success";
                            case CLOSED -> "badge contrast";
                        });
        badge.addClassName("support-state");
        return badge;
    }

    static String refusal(Component context, RuleException refusal) {
        return context.getTranslation(refusal.messageKey(), refusal.arguments());
    }
}
