package com.nexo.journeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;

/**
 * A page for the session journey only (it exists on the test class path, not in the product): a
 * button whose clicks are counted per page (UI) and per session. Every click changes both counts on
 * the server, under the session's lock; a click lost, or counted against a stale copy of the session,
 * would leave the counts short.
 */
@Route("journey/clicks")
@PermitAll
public class ClickCounterView extends Div {

    static final String SESSION_CLICKS = ClickCounterView.class.getName() + ".clicks";

    private int clicks;

    ClickCounterView() {
        Span page = new Span("0");
        page.setId("page-clicks");
        Span session = new Span(String.valueOf(sessionClicks()));
        session.setId("session-clicks");
        Button click = new Button(VaadinIcon.PLUS.create());
        click.setId("click");
        click.addClickListener(event -> {
            clicks++;
            VaadinSession current = VaadinSession.getCurrent();
            current.setAttribute(SESSION_CLICKS, sessionClicks() + 1);
            page.setText(String.valueOf(clicks));
            session.setText(String.valueOf(sessionClicks()));
        });
        add(click, page, session);
    }

    private static int sessionClicks() {
        Object counted = VaadinSession.getCurrent().getAttribute(SESSION_CLICKS);
        return counted instanceof Integer value ? value : 0;
    }
}
