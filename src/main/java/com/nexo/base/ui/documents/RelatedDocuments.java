package com.nexo.base.ui.documents;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The documents a document was made from or that were made from it (a quote and its order, an
 * order and its receipts and bills): each a link to its page with its state, date and total, or a
 * note that there are none.
 */
public class RelatedDocuments extends Div {

    /**
     * One related document: its title ("Order P2026-000004"), the route of its page ({@code
     * purchasing/orders/<id>}; null when it has none yet: the title is shown as text), a line of
     * details ("Sent · 3/12/2026 · 120,00 €") and a class name for styles and tests ({@code
     * related-order}).
     */
    public record Item(String title, String route, String details, String className) {}

    public final UnorderedList list = new UnorderedList();
    private final Paragraph none = new Paragraph();

    public RelatedDocuments() {
        addClassName("document-related-block");
        none.addClassName("form-note");
        none.setText(getTranslation("documents.related.none"));
        list.addClassName("document-related");
        add(none, list);
        show(List.of());
    }

    public void show(List<Item> items) {
        list.removeAll();
        for (Item other : items) {
            Component link;
            if (other.route() == null) {
                link = new Span(other.title());
            } else {
                Anchor anchor = new Anchor(other.route(), other.title());
                anchor.getElement().setAttribute("router-link", true); // the router opens it in place
                link = anchor;
            }
            Span details = new Span(" · " + other.details());
            details.addClassName("detail-subtitle");
            details.getStyle().set("display", "inline");
            ListItem item = new ListItem(link, details);
            if (other.className() != null) {
                item.addClassName(other.className());
            }
            list.add(item);
        }
        none.setVisible(items.isEmpty());
        list.setVisible(!items.isEmpty());
    }
}
