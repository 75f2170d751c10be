package com.nexo.articles.pages;

import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.CostChange;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.units.UnitRow;
import com.nexo.base.paging.Page;
import com.nexo.history.ChangeEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an article's page shows, read at once by {@link ArticlePageService#page(UUID)}.
 *
 * @param form the article's data with its id and version
 * @param archived whether it is archived
 * @param hasImage whether it has a picture (the picture travels on its own request)
 * @param category its category, or null
 * @param unit its unit of measure
 * @param supplierName the default supplier's name, or null when there is none or the reader may not
 *     read accounts
 * @param stockShown whether the stock section is shown (a stock-tracked article, a reader who may
 *     read stock)
 * @param balances the stock per warehouse (empty when not shown)
 * @param movements the first page of the movement list, newest first, with where the next page
 *     starts (empty when not shown)
 * @param movedBy names of the users of those movements, by user id
 * @param history the newest changes of the article
 * @param categories categories named in the history, by id
 * @param units units named in the history, by id
 * @param suppliers suppliers named in the history (and the current one), by id, for readers of accounts
 * @param costHistory the newest changes of the article's cost (receipts at cost and costs typed in
 *     its form), newest first
 */
public record ArticlePage(
        ArticleForm form,
        boolean archived,
        boolean hasImage,
        CategoryNode category,
        UnitRow unit,
        String supplierName,
        boolean stockShown,
        List<BalanceRow> balances,
        Page<MovementRow> movements,
        Map<UUID, String> movedBy,
        List<ChangeEntry> history,
        Map<UUID, CategoryNode> categories,
        Map<UUID, UnitRow> units,
        Map<UUID, String> suppliers,
        List<CostChange> costHistory) {

    public UUID id() {
        return form.id();
    }
}
