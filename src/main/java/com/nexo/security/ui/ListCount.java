package com.nexo.security.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** The line above a list that says how many rows match: exact, or "more than 1,000 (about …)". */
final class ListCount extends Span {

    private final String exactKey;
    private final String estimatedKey;

    /** {@code exactKey} takes the count; {@code estimatedKey} the exact limit and the estimate. */
    ListCount(String exactKey, String estimatedKey) {
        this.exactKey = exactKey;
        this.estimatedKey = estimatedKey;
        addClassName("list-count");
    }

    void show(CountEstimate estimate) {
        setText(text(this, estimate, exactKey, estimatedKey));
    }

    static String text(Component context, CountEstimate estimate, String exactKey, String estimatedKey) {
        return estimate.exact()
                ? context.getTranslation(exactKey, Format.integer(estimate.value()))
                : context.getTranslation(
                        estimatedKey, Format.integer(estimate.exactLimit()), Format.integer(estimate.value()));
    }
}
