package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.shared.Registration;

/**
 * Keeps the page title true when a view changes what it shows without a navigation (a document
 * that gets its number, a record renamed in place). The router asks {@link HasDynamicTitle} only
 * when it navigates; a view that changed calls {@link #refresh}, which sets the browser's title and
 * tells the frame around the page (the layout listening with {@link #onChange}) to show the new one.
 */
public final class PageTitles {

    private PageTitles() {}

    /** Shows {@code view}'s current title, if it is on screen. */
    public static <V extends Component & HasDynamicTitle> void refresh(V view) {
        view.getUI().ifPresent(ui -> {
            String title = view.getPageTitle();
            ui.getPage().setTitle(title);
            ComponentUtil.fireEvent(ui, new Changed(ui, title));
        });
    }

    /** Calls {@code listener} with each title a view of {@code ui} refreshes. */
    public static Registration onChange(UI ui, ComponentEventListener<Changed> listener) {
        return ComponentUtil.addListener(ui, Changed.class, listener);
    }

    /** A view's title changed to {@link #title()}. */
    public static final class Changed extends ComponentEvent<UI> {

        private final String title;

        Changed(UI source, String title) {
            super(source, false);
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
