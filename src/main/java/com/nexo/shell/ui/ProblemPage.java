package com.nexo.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * What an error page shows: a title, an explanation and a way back, all in the user's language. It
 * looks like the page {@link ErrorPages} serves when no UI can answer, so that both read as NEXO's.
 */
abstract class ProblemPage extends Main {

    ProblemPage() {
        addClassName("problem-page");
    }

    void show(String title, String explanation) {
        removeAll();
        Image icon = new Image("icons/icon.png", "");
        Div brand = new Div(icon, new Span(getTranslation("app.name")));
        brand.addClassName("problem-brand");
        Anchor home = new Anchor("", getTranslation("error.back-home"));
        home.addClassName("problem-home");
        Div card = new Div(brand, new H2(title), new Paragraph(explanation), home);
        card.addClassName("problem-card");
        add(card);
    }
}
