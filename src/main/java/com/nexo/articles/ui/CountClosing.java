package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.counts.StockCountSummary;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Closing a stock count, each after a confirmation that says what will happen: posting its
 * differences (as reviewed: refused if a quantity changed since) or cancelling it.
 */
final class CountClosing {

    private CountClosing() {}

    /** Asks to post {@code reviewed} as the figures shown say, then posts it and runs {@code after}. */
    static void confirmPost(Component context, StockCountService counts, StockCountSummary reviewed, Runnable after) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("count-post-dialog");
        confirm.setHeader(context.getTranslation("stock.count.post-title"));
        confirm.setText(
                reviewed.differences() == 0
                        ? context.getTranslation("stock.count.post-text-none", Format.integer(reviewed.uncounted()))
                        : context.getTranslation(
                                "stock.count.post-text",
                                Format.integer(reviewed.differences()),
                                Format.integer(reviewed.uncounted())));
        confirm.setCancelable(true);
        confirm.setCancelText(context.getTranslation("action.cancel"));
        confirm.setConfirmText(context.getTranslation("stock.count.post"));
        confirm.setConfirmButtonTheme("success primary");
        confirm.addConfirmListener(event -> {
            try {
                int adjustments = counts.post(reviewed.id(), reviewed.lastEntryAt());
                Notices.success(context.getTranslation("stock.count.posted", Format.integer(adjustments)));
            } catch (ArticleRuleException e) {
                Notices.error(context.getTranslation(e.messageKey(), e.arguments()));
            }
            after.run();
        });
        confirm.open();
    }

    /** Asks to cancel {@code count}, then cancels it and runs {@code after}. */
    static void confirmCancel(Component context, StockCountService counts, StockCountSummary count, Runnable after) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("count-cancel-dialog");
        confirm.setHeader(context.getTranslation("stock.count.cancel-title"));
        confirm.setText(context.getTranslation("stock.count.cancel-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(context.getTranslation("stock.count.keep"));
        confirm.setConfirmText(context.getTranslation("stock.count.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                counts.cancel(count.id());
                Notices.success(context.getTranslation("stock.count.cancelled"));
            } catch (ArticleRuleException e) {
                Notices.error(context.getTranslation(e.messageKey(), e.arguments()));
            }
            after.run();
        });
        confirm.open();
    }
}
