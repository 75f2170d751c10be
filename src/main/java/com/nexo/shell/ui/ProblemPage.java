package com.nexo.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/** What an error page shows: a title, an explanation and a way back, all in the user's language. */
abstract class ProblemPage extends Main {

    ProblemPage() {
        addClassName("problem-page");
    }

    void show(String title, String explanation) {
        removeAll();
        Div card =
                new Div(new H2(title), new Paragraph(explanation), new Anchor("", getTranslation("error.back-home")));
        card.addClassName("problem-card");
        add(card);
    }
}
