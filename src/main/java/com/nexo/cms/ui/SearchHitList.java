package com.nexo.cms.ui;

import com.nexo.cms.search.SearchHit;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Function;

/**
 * The hits of a CMS search under a search field, for the knowledge base and the library alike: per
 * hit its heading (the view decides: a button that opens the article, a title with a download link),
 * its excerpt with the matched words marked, and what the view puts beneath; or one line saying that
 * nothing was found. Hidden while the field is empty.
 */
final class SearchHitList extends Div {

    SearchHitList() {
        addClassName("cms-hits");
        setVisible(false);
    }

    /** Empties and hides the list (the search field was cleared). */
    void clear() {
        removeAll();
        setVisible(false);
    }

    /**
     * Shows {@code found}, or the (translated) text {@code none} when it is empty.
     *
     * @param below what goes under the excerpt (a download link), or null for nothing
     */
    void show(
            List<SearchHit> found,
            String none,
            Function<SearchHit, Component> heading,
            Function<SearchHit, Component> below) {
        removeAll();
        setVisible(true);
        if (found.isEmpty()) {
            add(new Paragraph(none));
            return;
        }
        for (SearchHit hit : found) {
            Div line = new Div(new Div(heading.apply(hit)), LibraryTexts.excerpt(hit.excerpt()));
            if (below != null) {
                line.add(new Div(below.apply(hit)));
            }
            line.addClassName("cms-hit");
            line.getStyle()
                    .set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            add(line);
        }
    }
}
