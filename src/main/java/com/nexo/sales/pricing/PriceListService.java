package com.nexo.sales.pricing;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Price lists and their items, as the price list screens read and edit them. */
@Service
public class PriceListService {

    private static final String LIST_COLUMNS = """
            l.id, l.name, l.currency, l.valid_from, l.valid_to, l.is_default, l.client_group, l.archived, l.version,
            (SELECT count(*) FROM sales_price_list_item i WHERE i.price_list_id = l.id) AS items""";

    private static final RowMapper<PriceListRow> LIST_ROW = (rs, n) -> new PriceListRow(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("currency"),
            rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class),
            rs.getBoolean("is_default"),
            rs.getString("client_group"),
            rs.getBoolean("archived"),
            rs.getLong("items"),
            rs.getLong("version"));

    /** An item before the article's code and names are added to it. */
    private record StoredItem(
            UUID id,
            UUID articleId,
            java.math.BigDecimal minQuantity,
            java.math.BigDecimal unitPrice,
            java.math.BigDecimal discountPercent,
            long version) {}

    private static final RowMapper<StoredItem> ITEM_ROW = (rs, n) -> new StoredItem(
            rs.getObject("id", UUID.class),
            rs.getObject("article_id", UUID.class),
            rs.getBigDecimal("min_quantity"),
            rs.getBigDecimal("unit_price"),
            rs.getBigDecimal("discount_percent"),
            rs.getLong("version"));

    /** Lists named in the pickers of the terms dialog: every list not archived, by name. */
    private static final String CHOICES = "SELECT " + LIST_COLUMNS + """

              FROM sales_price_list l
             WHERE NOT l.archived
             ORDER BY l.name, l.id
            """;

    private static final String ONE = "SELECT " + LIST_COLUMNS + " FROM sales_price_list l WHERE l.id = :id";

    /** The default moves to the list being saved: the one that had it gives it up in the same transaction. */
    private static final String DROP_OTHER_DEFAULT = """
            UPDATE sales_price_list SET is_default = false, version = version + 1, updated_at = now()
             WHERE is_default AND id <> :id
            """;

    private final PriceListRepository lists;
    private final PriceListItemRepository items;
    private final ArticleDirectory articles;
    private final Validator validator;
    private final JdbcClient jdbc;

    PriceListService(
            PriceListRepository lists,
            PriceListItemRepository items,
            ArticleDirectory articles,
            Validator validator,
            JdbcClient jdbc) {
        this.lists = lists;
        this.items = items;
        this.articles = articles;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    // --- Lists -----------------------------------------------------------------------------

    /** A page of the price lists (see {@link PriceListQuery}) after {@code after} (null: the first). */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Page<PriceListRow> page(PriceListQuery query, PageCursor after, int limit) {
        return listQuery(query).page(jdbc, order(query), after, limit, LIST_ROW);
    }

    /** How many lists the query shows (exact up to 1,000). */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public CountEstimate count(PriceListQuery query) {
        return listQuery(query).count(jdbc, 1000);
    }

    private static ListQuery listQuery(PriceListQuery query) {
        ListQuery list = ListQuery.select(LIST_COLUMNS).from("sales_price_list l");
        if (!query.withArchived()) {
            list.where("NOT l.archived");
        }
        if (query.text() != null && !query.text().isBlank()) {
            list.where(
                    "l.name ILIKE :pattern",
                    "pattern",
                    "%"
                            + query.text()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return list;
    }

    private static ListOrder order(PriceListQuery query) {
        return query.sort().by() == PriceListSort.VALID_FROM
                ? ListOrder.keyset("l.valid_from", "date", "l.id", query.sort().descending())
                : ListOrder.keyset("l.name", "text", "l.id", query.sort().descending());
    }

    /** The lists a client's terms may name: every list not archived, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public List<PriceListRow> choices() {
        return jdbc.sql(CHOICES).query(LIST_ROW).list();
    }

    /** One price list, as its page's header shows it. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public PriceListRow list(UUID priceListId) {
        return jdbc.sql(ONE)
                .param("id", priceListId)
                .query(LIST_ROW)
                .optional()
                .orElseThrow(() -> new SalesRuleException("sales.pricing.error.list-not-found"));
    }

    /** A new list's form: in euros, valid from {@code today}, open-ended. */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.SETTINGS)
    public PriceListForm newForm(LocalDate today) {
        PriceListForm form = new PriceListForm();
        form.setValidFrom(today);
        return form;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.SETTINGS)
    public PriceListForm getForm(UUID priceListId) {
        return PriceListForm.of(find(priceListId));
    }

    /**
     * Creates or updates a list (over the version the form was loaded at). Making it the default takes
     * the default from the list that had it. Refused, with nothing changed, when the form is invalid,
     * the name is taken, the period ends before it starts, or someone saved the list meanwhile.
     */
    @Transactional
    @RolesAllowed({SalesPermissions.SETTINGS, Roles.SYSTEM})
    public UUID save(PriceListForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new SalesRuleException("sales.pricing.error.list-invalid");
        }
        if (form.getValidTo() != null && form.getValidTo().isBefore(form.getValidFrom())) {
            throw SalesRuleException.onField("validTo", "sales.pricing.validation.period");
        }
        PriceList list;
        if (form.getId() == null) {
            list = PriceList.create();
        } else {
            list = find(form.getId());
            if (!Objects.equals(list.getVersion(), form.getVersion())) {
                throw new SalesRuleException("sales.pricing.error.changed-meanwhile");
            }
            if (list.isArchived() && form.isDefaultList()) {
                throw SalesRuleException.onField("defaultList", "sales.pricing.error.archived-default");
            }
        }
        String name = form.getName().strip();
        if (lists.existsByNameIgnoreCaseAndIdNot(name, list.getId())) {
            throw SalesRuleException.onField("name", "sales.pricing.error.name-taken", name);
        }
        if (form.isDefaultList()) {
            jdbc.sql(DROP_OTHER_DEFAULT).param("id", list.getId()).update();
        }
        list.apply(form);
        lists.saveAndFlush(list);
        return list.getId();
    }

    /** Archives a list: it applies to nobody from now on (and is no longer the default). */
    @Transactional
    @RolesAllowed(SalesPermissions.SETTINGS)
    public void archive(UUID priceListId) {
        find(priceListId).archive();
    }

    @Transactional
    @RolesAllowed(SalesPermissions.SETTINGS)
    public void restore(UUID priceListId) {
        find(priceListId).restore();
    }

    private PriceList find(UUID priceListId) {
        return lists.findById(priceListId)
                .orElseThrow(() -> new SalesRuleException("sales.pricing.error.list-not-found"));
    }

    // --- Items -----------------------------------------------------------------------------

    /**
     * A page of a list's items, newest first, with their articles' codes and names; when {@code text}
     * is given, only the items of the articles it finds (by code, barcode or name).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.READ)
    public Page<PriceListItemRow> items(UUID priceListId, String text, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(
                        "i.id, i.article_id, i.min_quantity, i.unit_price, i.discount_percent, i.version")
                .from("sales_price_list_item i")
                .where("i.price_list_id = :list", "list", priceListId);
        if (text != null && !text.isBlank()) {
            List<UUID> found =
                    articles.lookUp(text, 200).stream().map(ArticleSummary::id).toList();
            if (found.isEmpty()) {
                return Page.empty();
            }
            query.where("i.article_id IN (:articles)", "articles", found);
        }
        Page<StoredItem> stored =
                query.page(jdbc, ListOrder.keyset("i.created_at", "timestamptz", "i.id", true), after, limit, ITEM_ROW);
        Map<UUID, ArticleSummary> named = articles.summaries(
                stored.rows().stream().map(StoredItem::articleId).toList());
        List<PriceListItemRow> rows = stored.rows().stream()
                .map(item -> {
                    ArticleSummary article = named.get(item.articleId());
                    return new PriceListItemRow(
                            item.id(),
                            item.articleId(),
                            article == null ? "" : article.code(),
                            article == null ? "" : article.nameEs(),
                            article == null ? "" : article.nameEn(),
                            article == null ? null : article.salePrice(),
                            item.minQuantity(),
                            item.unitPrice(),
                            item.discountPercent(),
                            item.version());
                })
                .toList();
        return new Page<>(rows, stored.next());
    }

    /**
     * Adds an item to a list, or updates one (over the version it was loaded at). Refused, with
     * nothing changed, when the values are invalid, the article does not exist, the list already
     * prices the article from that quantity, or someone changed the item meanwhile.
     */
    @Transactional
    @RolesAllowed({SalesPermissions.SETTINGS, Roles.SYSTEM})
    public UUID saveItem(UUID priceListId, PriceListItemForm form) {
        if (form == null || !validator.validate(form).isEmpty()) {
            throw new SalesRuleException("sales.pricing.error.item-invalid");
        }
        find(priceListId);
        PriceListItem item;
        if (form.id() == null) {
            if (articles.summaries(List.of(form.articleId())).isEmpty()) {
                throw SalesRuleException.onField("articleId", "sales.pricing.error.article-not-found");
            }
            item = new PriceListItem(priceListId, form.articleId());
        } else {
            item = items.findById(form.id())
                    .filter(found -> found.getPriceListId().equals(priceListId))
                    .orElseThrow(() -> new SalesRuleException("sales.pricing.error.item-not-found"));
            if (!Objects.equals(item.getVersion(), form.version())) {
                throw new SalesRuleException("sales.pricing.error.changed-meanwhile");
            }
        }
        if (items.existsByPriceListIdAndArticleIdAndMinQuantityAndIdNot(
                priceListId, item.getArticleId(), form.minQuantity(), item.getId())) {
            throw SalesRuleException.onField(
                    "minQuantity",
                    "sales.pricing.error.break-taken",
                    form.minQuantity().stripTrailingZeros());
        }
        item.apply(form);
        items.saveAndFlush(item);
        return item.getId();
    }

    /** Removes an item from its list. */
    @Transactional
    @RolesAllowed(SalesPermissions.SETTINGS)
    public void deleteItem(UUID itemId) {
        items.findById(itemId).ifPresent(items::delete);
    }
}
