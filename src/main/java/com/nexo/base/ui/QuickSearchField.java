package com.nexo.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The search box above a list: a magnifier, a clear button, and a value that reaches the server only
 * once the user pauses typing, so a fast typist costs one query instead of one per key.
 */
public class QuickSearchField extends TextField {

    /** Long enough to skip the keys of a word being typed, short enough to feel immediate. */
    public static final int DEBOUNCE_MILLIS = 300;

    public QuickSearchField(String placeholder) {
        setPlaceholder(placeholder);
        setAriaLabel(placeholder);
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setValueChangeMode(ValueChangeMode.TIMEOUT);
        setValueChangeTimeout(DEBOUNCE_MILLIS);
        addClassName("list-search");
    }

    /** The text to search for, without surrounding spaces; empty when there is none. */
    public String text() {
        return getValue() == null ? "" : getValue().strip();
    }
}
