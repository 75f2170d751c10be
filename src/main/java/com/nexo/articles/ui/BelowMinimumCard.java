package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.replenishment.BelowMinimum;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.base.ui.CardRows;
import com.nexo.base.ui.DashboardCard;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The dashboard card of what is below its minimum stock: how many rows, the first few with what is
 * available against the minimum, and a link to the replenishment list.
 */
@org.springframework.stereotype.Component
class BelowMinimumCard implements DashboardCard {

    /** How many rows the card names. */
    static final int TOP = 5;

    private final ReplenishmentService replenishment;

    BelowMinimumCard(ReplenishmentService replenishment) {
        this.replenishment = replenishment;
    }

    @Override
    public String permission() {
        return ArticlePermissions.STOCK_READ;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String titleKey() {
        return "dashboard.stock.below-minimum.title";
    }

    @Override
    public Component content() {
        BelowMinimum glance = replenishment.glance(TOP);
        Div card = new Div();
        card.addClassName("dashboard-below-minimum");
        Paragraph count = new Paragraph(
                glance.count() == 0
                        ? card.getTranslation("dashboard.stock.below-minimum.none")
                        : glance.more()
                                ? card.getTranslation(
                                        "dashboard.stock.below-minimum.count-more", Format.integer(glance.count()))
                                : card.getTranslation(
                                        "dashboard.stock.below-minimum.count", Format.integer(glance.count())));
        count.addClassName("dashboard-figure");
        card.add(count);
        CardRows list = new CardRows();
        for (ReplenishmentRow row : glance.top()) {
            Span article = new Span(row.articleCode() + " · "
                    + row.articleName(
                            com.vaadin.flow.component.UI.getCurrent() == null
                                    ? null
                                    : com.vaadin.flow.component.UI.getCurrent().getLocale()));
            Span figures = new Span(card.getTranslation(
                    "dashboard.stock.below-minimum.row",
                    StockFields.quantity(row.available(), row.unitDecimals()),
                    StockFields.quantity(row.minimum(), row.unitDecimals()),
                    row.unitCode(),
                    row.warehouseCode()));
            list.add(article, figures);
        }
        card.add(list);
        card.add(new RouterLink(card.getTranslation("dashboard.stock.below-minimum.open"), ReplenishmentView.class));
        return card;
    }
}
