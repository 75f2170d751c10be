package com.nexo.articles.pages;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountPermissions;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleDetails;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.units.UnitService;
import com.nexo.base.paging.Page;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.nexo.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an article's page in one transaction: one call per render. */
@Service
public class ArticlePageService {

    /** How many history entries the page shows. */
    public static final int HISTORY_ENTRIES = 50;

    /** How many movements the page's first read brings; the list reads on by itself as it scrolls. */
    public static final int FIRST_MOVEMENTS = 50;

    /** How many changes of the cost the page shows. */
    public static final int COST_CHANGES = 50;

    private final ArticleService articles;
    private final CategoryService categories;
    private final UnitService units;
    private final StockService stock;
    private final StockListService stockLists;
    private final AccountDirectory accounts;
    private final StockValuation valuation;

    ArticlePageService(
            ArticleService articles,
            CategoryService categories,
            UnitService units,
            StockService stock,
            StockListService stockLists,
            AccountDirectory accounts,
            StockValuation valuation) {
        this.valuation = valuation;
        this.articles = articles;
        this.categories = categories;
        this.units = units;
        this.stock = stock;
        this.stockLists = stockLists;
        this.accounts = accounts;
    }

    /**
     * Everything the page of the article shows, with the names of what it refers to (category, unit,
     * supplier, and those its history mentions) resolved in the same transaction. The stock and the
     * supplier's name are there only for readers who may see them. Throws
     * {@code articles.error.not-found} when the article is not there (or another tenant's).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public ArticlePage page(UUID articleId) {
        ArticleDetails details = articles.loadArticle(articleId);
        ArticleForm form = details.form();
        List<ChangeEntry> history = articles.history(articleId, null, HISTORY_ENTRIES);

        Set<UUID> categoryIds = new HashSet<>(idsIn(history, "category_id"));
        categoryIds.add(form.categoryId());
        Map<UUID, CategoryNode> categoryNames = categories.categoriesById(categoryIds);

        Map<UUID, UnitRow> unitNames = units.units().stream()
                .collect(Collectors.toMap(UnitRow::id, Function.identity(), (a, b) -> a, HashMap::new));

        Map<UUID, String> supplierNames = new HashMap<>();
        if (CurrentUser.can(AccountPermissions.READ)) {
            Set<UUID> supplierIds = new HashSet<>(idsIn(history, "default_supplier_id"));
            supplierIds.add(form.defaultSupplierId());
            supplierIds.remove(null);
            supplierNames.putAll(accounts.namesOf(supplierIds));
        }

        boolean stockShown = form.stockTracked() && CurrentUser.can(ArticlePermissions.STOCK_READ);
        List<BalanceRow> balances = stockShown ? stock.balancesOfArticle(articleId) : List.of();
        Page<MovementRow> movements =
                stockShown ? stockLists.movements(articleId, null, null, FIRST_MOVEMENTS) : Page.empty();
        Map<UUID, String> movedBy = new HashMap<>();
        List<UUID> movers = movements.rows().stream()
                .map(MovementRow::userId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (!movers.isEmpty()) {
            movedBy.putAll(stock.movedBy(movers));
        }

        return new ArticlePage(
                form,
                details.archived(),
                details.hasImage(),
                form.categoryId() == null ? null : categoryNames.get(form.categoryId()),
                unitNames.get(form.unitId()),
                form.defaultSupplierId() == null ? null : supplierNames.get(form.defaultSupplierId()),
                stockShown,
                balances,
                movements,
                movedBy,
                history,
                categoryNames,
                unitNames,
                supplierNames,
                valuation.costHistory(articleId, COST_CHANGES));
    }

    /** The ids a column of the history held, before or after each change (stored as JSON strings). */
    private static List<UUID> idsIn(List<ChangeEntry> history, String column) {
        List<UUID> ids = new ArrayList<>();
        for (ChangeEntry entry : history) {
            for (FieldChange change : entry.changes()) {
                if (column.equals(change.column())) {
                    addId(ids, change.before());
                    addId(ids, change.after());
                }
            }
        }
        return ids;
    }

    private static void addId(List<UUID> ids, String json) {
        if (json == null) {
            return;
        }
        String text = json.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            ids.add(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            // null, or not an id: nothing to name
        }
    }
}
