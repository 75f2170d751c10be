package com.nexo.purchasing.documents;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountParty;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.purchasing.PurchasingRuleException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a purchasing document takes from other modules, read through their APIs: the supplier (an
 * account with the supplier role) as the document is addressed to it, and the articles of its lines
 * (code, name, unit, VAT rate, whether the stock is tracked). Lines are checked and their nets worked
 * out here, never taken from the caller.
 */
@Component
class PurchaseParts {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int MAX_LINES = 500;

    private final AccountDirectory accounts;
    private final ArticleDirectory articles;

    PurchaseParts(AccountDirectory accounts, ArticleDirectory articles) {
        this.accounts = accounts;
        this.articles = articles;
    }

    /** The supplier as the document is addressed to it; refused unless it is a supplier account. */
    AccountParty supplier(UUID supplierId) {
        if (supplierId == null) {
            throw PurchasingRuleException.onField("supplierId", "purchasing.rule.supplier-required");
        }
        AccountParty party = accounts.party(supplierId)
                .orElseThrow(() -> PurchasingRuleException.onField("supplierId", "purchasing.rule.supplier-not-found"));
        if (!accounts.isSupplier(supplierId)) {
            throw PurchasingRuleException.onField("supplierId", "purchasing.rule.not-a-supplier", party.legalName());
        }
        if (party.archived()) {
            throw PurchasingRuleException.onField("supplierId", "purchasing.rule.supplier-archived", party.legalName());
        }
        return party;
    }

    /** The lines checked and completed from their articles, with their nets in {@code currency}. */
    List<LineValues> lines(List<OrderLine> lines, String currency) {
        return lines(lines, null, currency);
    }

    /**
     * As {@link #lines(List, String)}, with the line each was made from ({@code sources}, same order;
     * null: none).
     */
    List<LineValues> lines(List<OrderLine> lines, List<UUID> sources, String currency) {
        if (lines.size() > MAX_LINES) {
            throw new PurchasingRuleException("purchasing.rule.too-many-lines", MAX_LINES);
        }
        Map<UUID, ArticleSummary> found = articles.summaries(lines.stream()
                .map(OrderLine::articleId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<LineValues> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            int position = i + 1;
            if (line == null) {
                throw new PurchasingRuleException("purchasing.rule.line-description-required", position);
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw new PurchasingRuleException("purchasing.rule.line-quantity", position);
            }
            BigDecimal price = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice();
            if (price.signum() < 0) {
                throw new PurchasingRuleException("purchasing.rule.line-price", position);
            }
            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                throw new PurchasingRuleException("purchasing.rule.line-discount", position);
            }
            UUID source = sources == null ? null : sources.get(i);
            if (line.articleId() != null) {
                ArticleSummary article = found.get(line.articleId());
                if (article == null) {
                    throw new PurchasingRuleException("purchasing.rule.article-not-found", position);
                }
                String description = blank(line.description())
                        ? article.nameEs()
                        : line.description().strip();
                BigDecimal vat = line.vatPercent() == null ? article.taxRate() : line.vatPercent();
                checkVat(vat, position);
                values.add(new LineValues(
                        article.id(),
                        article.code(),
                        line.supplierCode(),
                        description,
                        line.quantity(),
                        blank(line.unitCode())
                                ? article.unitCode()
                                : line.unitCode().strip(),
                        price,
                        discount,
                        PurchaseTotals.rate(vat).code(),
                        vat,
                        null,
                        article.stockTracked(),
                        source));
            } else {
                if (blank(line.description())) {
                    throw new PurchasingRuleException("purchasing.rule.line-description-required", position);
                }
                BigDecimal vat = line.vatPercent();
                checkVat(vat, position);
                values.add(new LineValues(
                        null,
                        null,
                        line.supplierCode(),
                        line.description().strip(),
                        line.quantity(),
                        line.unitCode(),
                        price,
                        discount,
                        PurchaseTotals.rate(vat).code(),
                        vat,
                        null,
                        false,
                        source));
            }
        }
        DocumentTotals totals = PurchaseTotals.ofValues(values, currency);
        List<LineValues> withNets = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            withNets.add(values.get(i).withNet(totals.lineNets().get(i)));
        }
        return withNets;
    }

    ArticleDirectory articles() {
        return articles;
    }

    AccountDirectory accounts() {
        return accounts;
    }

    private static void checkVat(BigDecimal vat, int position) {
        if (vat == null || vat.signum() < 0 || vat.compareTo(HUNDRED) > 0) {
            throw new PurchasingRuleException("purchasing.rule.line-vat", position);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
