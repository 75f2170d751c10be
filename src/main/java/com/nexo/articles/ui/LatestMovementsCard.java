package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.stock.RecentMovement;
import com.nexo.articles.stock.StockListService;
import com.nexo.base.ui.CardRows;
import com.nexo.base.ui.DashboardCard;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * The dashboard card of the latest stock movements of the organisation: when (in the reader's time
 * zone), what, which article, how much and where, and a link to the stock screen.
 */
@org.springframework.stereotype.Component
class LatestMovementsCard implements DashboardCard {

    /** How many movements the card shows. */
    static final int LATEST = 5;

    private final StockListService stock;

    LatestMovementsCard(StockListService stock) {
        this.stock = stock;
    }

    @Override
    public String permission() {
        return ArticlePermissions.STOCK_READ;
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public String titleKey() {
        return "dashboard.stock.movements.title";
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public Component content() {
        List<RecentMovement> movements = stock.latestMovements(LATEST);
        Div card = new Div();
        card.addClassName("dashboard-latest-movements");
        if (movements.isEmpty()) {
            card.add(new Paragraph(card.getTranslation("dashboard.stock.movements.none")));
        }
        CardRows list = new CardRows();
        for (RecentMovement movement : movements) {
            Span when = new Span(Format.dateTime(movement.movedAt()));
            when.addClassName("secondary");
            Span what = new Span(card.getTranslation(
                    "dashboard.stock.movements.row",
                    MovementLabels.type(card, movement.type()),
                    movement.articleCode(),
                    StockFields.quantity(movement.quantity(), movement.unitDecimals()) + " " + movement.unitCode(),
                    movement.warehouseCode()));
            list.add(when, what);
        }
        card.add(list);
        card.add(new RouterLink(card.getTranslation("dashboard.stock.movements.open"), StockView.class));
        return card;
    }
}
