package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;

/** The titled boxes of a record's page (data, contacts, stock, changes), styled alike by nexo.css. */
public final class DetailSections {

    private DetailSections() {}

    public static Section section(String title, Component... content) {
        Section section = new Section(new H3(title));
        section.add(content);
        section.addClassName("detail-section");
        return section;
    }
}
