package com.nexo.purchasing.replenish;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.replenishment.ReplenishmentLine;
import com.nexo.articles.replenishment.ReplenishmentLines;
import com.nexo.articles.replenishment.ReplenishmentOrdering;
import com.nexo.articles.stock.Incoming;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.TaxRate;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.prices.PriceRequest;
import com.nexo.purchasing.prices.SupplierPrice;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.purchasing.replenish.ReplenishmentGrouping.DraftOrder;
import com.nexo.purchasing.replenish.ReplenishmentGrouping.Grouped;
import com.nexo.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft purchase orders from the replenishment list: the rows below their minimum (read whole from the
 * articles module, {@link ReplenishmentLines}), grouped by default supplier ({@link
 * ReplenishmentGrouping}), written in two statements (headers, then lines, each an {@code INSERT …
 * SELECT} over arrays), and then on order ({@link OnOrder#addNewOrders}: their lines' quantities added
 * to what is incoming), so the list no longer proposes them.
 * Lines take the article's code, Spanish name, unit and VAT rate and, as unit price, the supplier's
 * price for the quantity (its break, else its last price, in euros: {@link SupplierPriceService#pricesFor},
 * one statement for every line), else the article's cost (zero when it has none). Each draft is
 * expected today plus the longest lead time its supplier gives for its lines (none known: no date).
 * The supplier's name and e-mail are copied from the accounts module; a supplier whose account
 * cannot be read counts as no supplier.
 */
@Service
public class ReplenishmentOrders implements ReplenishmentOrdering {

    private static final Logger LOG = LoggerFactory.getLogger(ReplenishmentOrders.class);
    private static final Currency EUR = Currency.getInstance("EUR");

    private static final String INSERT_ORDERS = """
            INSERT INTO purchase_document (id, kind, status, supplier_id, supplier_name, supplier_email, document_date,
                                           expected_date, warehouse_id, base_amount, vat_amount, total_amount)
            SELECT o.id, 'ORDER', 'DRAFT', o.supplier_id, o.supplier_name, o.supplier_email, :date, o.expected_date,
                   o.warehouse_id, o.base, o.vat, o.total
              FROM unnest(CAST(:ids AS uuid[]), CAST(:suppliers AS uuid[]), CAST(:names AS text[]),
                          CAST(:emails AS text[]), CAST(:expected AS date[]), CAST(:warehouses AS uuid[]),
                          CAST(:bases AS numeric[]), CAST(:vats AS numeric[]), CAST(:totals AS numeric[]))
                   AS o(id, supplier_id, supplier_name, supplier_email, expected_date, warehouse_id, base, vat, total)
            """;

    private static final String INSERT_LINES = """
            INSERT INTO purchase_document_line (id, document_id, position, article_id, article_code, description,
                                                quantity, unit_code, unit_price, tax_code, vat_percent, net_amount,
                                                stock_tracked)
            SELECT gen_random_uuid(), l.document_id, l.position, l.article_id, l.article_code, l.description,
                   l.quantity, l.unit_code, l.unit_price, l.tax_code, l.vat_percent, l.net_amount, l.stock_tracked
              FROM unnest(CAST(:documents AS uuid[]), CAST(:positions AS integer[]), CAST(:articles AS uuid[]),
                          CAST(:codes AS text[]), CAST(:descriptions AS text[]), CAST(:quantities AS numeric[]),
                          CAST(:units AS text[]), CAST(:prices AS numeric[]), CAST(:taxCodes AS text[]),
                          CAST(:vats AS numeric[]), CAST(:nets AS numeric[]), CAST(:tracked AS boolean[]))
                   AS l(document_id, position, article_id, article_code, description, quantity, unit_code,
                        unit_price, tax_code, vat_percent, net_amount, stock_tracked)
            """;

    /**
     * Where the last run on this thread spent its time: reading the list, writing the orders (both
     * statements), and the on-order refresh, each measured around its SQL; and the whole call. For the
     * benchmark and the log.
     */
    record Timing(long readNanos, long writeNanos, long onOrderNanos, long totalNanos) {

        long sqlNanos() {
            return readNanos + writeNanos + onOrderNanos;
        }
    }

    private static final ThreadLocal<Timing> LAST = new ThreadLocal<>();

    static Timing lastTiming() {
        return LAST.get();
    }

    private static final ThreadLocal<Long> LAST_TERMS = new ThreadLocal<>();

    /** How long the last run on this thread spent looking up the suppliers' prices, lead times and e-mails. */
    static long lastTermsNanos() {
        Long nanos = LAST_TERMS.get();
        return nanos == null ? 0 : nanos;
    }

    /**
     * What the suppliers add to the drafts, read in bulk: each line's unit price (flattened in the
     * orders' and lines' order), and each order's supplier e-mail and expected date (ISO text, the
     * driver binds no date arrays).
     */
    record Terms(BigDecimal[] prices, String[] emails, String[] expected) {}

    private static final List<TaxRate> SPANISH_RATES =
            List.of(TaxRate.GENERAL, TaxRate.REDUCED, TaxRate.SUPER_REDUCED, TaxRate.ZERO);

    private final JdbcClient jdbc;
    private final ReplenishmentLines replenishment;
    private final AccountDirectory accounts;
    private final OnOrder onOrder;
    private final SupplierPriceService supplierPrices;
    private final Clock clock;

    ReplenishmentOrders(
            JdbcClient jdbc,
            ReplenishmentLines replenishment,
            AccountDirectory accounts,
            OnOrder onOrder,
            SupplierPriceService supplierPrices,
            Clock clock) {
        this.jdbc = jdbc;
        this.supplierPrices = supplierPrices;
        this.replenishment = replenishment;
        this.accounts = accounts;
        this.onOrder = onOrder;
        this.clock = clock;
    }

    @Override
    public boolean allowed() {
        return CurrentUser.can(PurchasingPermissions.CREATE);
    }

    /**
     * One draft order per default supplier (and warehouse) for what is below its minimum in {@code
     * warehouseId} (null: every warehouse), only of {@code articleIds} when given; then on order.
     */
    @Override
    @Transactional
    @RolesAllowed(PurchasingPermissions.CREATE)
    public Summary createPurchaseOrders(UUID warehouseId, Collection<UUID> articleIds) {
        long start = System.nanoTime();
        List<ReplenishmentLine> rows = replenishment.belowMinimum(warehouseId, articleIds);
        long read = System.nanoTime() - start;
        Grouped grouped = ReplenishmentGrouping.group(rows);
        Map<UUID, String> names = accounts.namesOf(
                grouped.orders().stream().map(DraftOrder::supplierId).toList());
        List<DraftOrder> orders = new ArrayList<>();
        int skipped = grouped.skippedWithoutSupplier();
        for (DraftOrder order : grouped.orders()) {
            String name = names.get(order.supplierId());
            if (name == null || name.isBlank()) {
                skipped += order.lines().size();
            } else {
                orders.add(order);
            }
        }
        if (orders.isEmpty()) {
            LAST.set(new Timing(read, 0, 0, System.nanoTime() - start));
            return new Summary(0, 0, skipped);
        }
        long looking = System.nanoTime();
        Terms terms = terms(orders);
        LAST_TERMS.set(System.nanoTime() - looking);
        long[] write = new long[1];
        write(orders, names, terms, write);
        // Fresh drafts: what they put on order is their lines' quantities, added without reading them back.
        long refreshing = System.nanoTime();
        onOrder.addNewOrders(increases(orders));
        long onOrderNanos = System.nanoTime() - refreshing;
        int lines = orders.stream().mapToInt(order -> order.lines().size()).sum();
        Timing timing = new Timing(read, write[0], onOrderNanos, System.nanoTime() - start);
        LAST.set(timing);
        LOG.info(
                "Replenishment: {} draft orders, {} lines, {} rows without supplier in {} ms"
                        + " (SQL: read {} ms, write {} ms, on order {} ms)",
                orders.size(),
                lines,
                skipped,
                timing.totalNanos() / 1_000_000,
                read / 1_000_000,
                write[0] / 1_000_000,
                onOrderNanos / 1_000_000);
        return new Summary(orders.size(), lines, skipped);
    }

    /** The headers, then the lines, each in one statement. Returns the orders' ids; adds the SQL time to {@code sqlNanos[0]}. */
    private List<UUID> write(List<DraftOrder> orders, Map<UUID, String> names, Terms terms, long[] sqlNanos) {
        int count = orders.size();
        int lineCount = orders.stream().mapToInt(order -> order.lines().size()).sum();
        UUID[] ids = new UUID[count];
        UUID[] suppliers = new UUID[count];
        String[] supplierNames = new String[count];
        UUID[] warehouses = new UUID[count];
        BigDecimal[] bases = new BigDecimal[count];
        BigDecimal[] vats = new BigDecimal[count];
        BigDecimal[] totals = new BigDecimal[count];
        UUID[] documents = new UUID[lineCount];
        Integer[] positions = new Integer[lineCount];
        UUID[] articles = new UUID[lineCount];
        String[] codes = new String[lineCount];
        String[] descriptions = new String[lineCount];
        BigDecimal[] quantities = new BigDecimal[lineCount];
        String[] units = new String[lineCount];
        BigDecimal[] prices = new BigDecimal[lineCount];
        String[] taxCodes = new String[lineCount];
        BigDecimal[] vatPercents = new BigDecimal[lineCount];
        BigDecimal[] nets = new BigDecimal[lineCount];
        Boolean[] tracked = new Boolean[lineCount];
        int l = 0;
        for (int o = 0; o < count; o++) {
            DraftOrder order = orders.get(o);
            UUID id = UUID.randomUUID();
            List<DocumentLine> amounts = new ArrayList<>(order.lines().size());
            for (int i = 0; i < order.lines().size(); i++) {
                ReplenishmentLine line = order.lines().get(i);
                amounts.add(
                        new DocumentLine(line.toOrder(), terms.prices()[l + i], BigDecimal.ZERO, rate(line.taxRate())));
            }
            DocumentTotals sums = DocumentTotals.of(amounts, EUR, null, false, null);
            ids[o] = id;
            suppliers[o] = order.supplierId();
            supplierNames[o] = names.get(order.supplierId()).strip();
            warehouses[o] = order.warehouseId();
            bases[o] = sums.base();
            vats[o] = sums.vat();
            totals[o] = sums.total();
            for (int i = 0; i < order.lines().size(); i++, l++) {
                ReplenishmentLine line = order.lines().get(i);
                DocumentLine amount = amounts.get(i);
                documents[l] = id;
                positions[l] = i + 1;
                articles[l] = line.articleId();
                codes[l] = line.articleCode();
                descriptions[l] = line.articleNameEs();
                quantities[l] = line.toOrder();
                units[l] = line.unitCode();
                prices[l] = amount.unitPrice();
                taxCodes[l] = amount.tax().code();
                vatPercents[l] = amount.tax().vatPercent();
                nets[l] = sums.lineNets().get(i);
                tracked[l] = line.stockTracked();
            }
        }
        long sql = System.nanoTime();
        jdbc.sql(INSERT_ORDERS)
                .param("date", LocalDate.now(clock))
                .param("ids", ids)
                .param("suppliers", suppliers)
                .param("names", supplierNames)
                .param("emails", terms.emails())
                .param("expected", terms.expected())
                .param("warehouses", warehouses)
                .param("bases", bases)
                .param("vats", vats)
                .param("totals", totals)
                .update();
        jdbc.sql(INSERT_LINES)
                .param("documents", documents)
                .param("positions", positions)
                .param("articles", articles)
                .param("codes", codes)
                .param("descriptions", descriptions)
                .param("quantities", quantities)
                .param("units", units)
                .param("prices", prices)
                .param("taxCodes", taxCodes)
                .param("vats", vatPercents)
                .param("nets", nets)
                .param("tracked", tracked)
                .update();
        sqlNanos[0] += System.nanoTime() - sql;
        return List.of(ids);
    }

    /**
     * The suppliers' prices of every line in one statement, their e-mails in another. A price in
     * another currency than the drafts' (euros) is not used: the line takes the article's cost.
     */
    private Terms terms(List<DraftOrder> orders) {
        List<PriceRequest> requests = new ArrayList<>();
        for (DraftOrder order : orders) {
            for (ReplenishmentLine line : order.lines()) {
                requests.add(new PriceRequest(order.supplierId(), line.articleId(), line.toOrder()));
            }
        }
        List<Optional<SupplierPrice>> found = supplierPrices.pricesFor(requests);
        Map<UUID, String> emails =
                accounts.emailsOf(orders.stream().map(DraftOrder::supplierId).toList());
        LocalDate today = LocalDate.now(clock);
        BigDecimal[] prices = new BigDecimal[requests.size()];
        String[] orderEmails = new String[orders.size()];
        String[] expected = new String[orders.size()];
        int l = 0;
        for (int o = 0; o < orders.size(); o++) {
            DraftOrder order = orders.get(o);
            Integer longest = null;
            for (ReplenishmentLine line : order.lines()) {
                Optional<SupplierPrice> supplierPrice = found.get(l);
                prices[l++] = supplierPrice
                        .filter(SupplierPrice::priced)
                        .filter(price -> EUR.getCurrencyCode().equals(price.currency()))
                        .map(SupplierPrice::unitPrice)
                        .orElseGet(() -> line.cost() == null ? BigDecimal.ZERO : line.cost());
                Integer days = supplierPrice.map(SupplierPrice::leadTimeDays).orElse(null);
                if (days != null && (longest == null || days > longest)) {
                    longest = days;
                }
            }
            orderEmails[o] = emails.get(order.supplierId());
            expected[o] = longest == null ? null : today.plusDays(longest).toString();
        }
        return new Terms(prices, orderEmails, expected);
    }

    /** Per (article, warehouse), the quantity the new orders' stock-tracked lines put on order. */
    private static List<Incoming> increases(List<DraftOrder> orders) {
        Map<List<UUID>, BigDecimal> sums = new LinkedHashMap<>();
        for (DraftOrder order : orders) {
            if (order.warehouseId() == null) {
                continue;
            }
            for (ReplenishmentLine line : order.lines()) {
                if (line.stockTracked()
                        && line.articleId() != null
                        && line.toOrder().signum() > 0) {
                    sums.merge(List.of(line.articleId(), order.warehouseId()), line.toOrder(), BigDecimal::add);
                }
            }
        }
        List<Incoming> increases = new ArrayList<>(sums.size());
        sums.forEach((pair, quantity) -> increases.add(new Incoming(pair.get(0), pair.get(1), quantity)));
        return increases;
    }

    /** The Spanish rate of that percentage, or a rate named after it ("IVA7.5"). */
    static TaxRate rate(BigDecimal vatPercent) {
        BigDecimal percent = vatPercent == null ? BigDecimal.ZERO : vatPercent;
        return SPANISH_RATES.stream()
                .filter(rate -> rate.vatPercent().compareTo(percent) == 0)
                .findFirst()
                .orElseGet(() ->
                        new TaxRate("IVA" + percent.stripTrailingZeros().toPlainString(), percent, BigDecimal.ZERO));
    }
}
