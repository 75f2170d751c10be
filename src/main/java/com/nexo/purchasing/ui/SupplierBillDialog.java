package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.ThreeWayMatch;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseLine;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Records a supplier's bill against an order: the supplier's bill number, its date and due date, and
 * per order line the quantity and unit price billed, prefilled with what was received and not yet
 * billed at the order's net price, and the charges the bill adds that are not on the order (freight, a
 * fee: description, amount and VAT rate). The due date is proposed from the bill's date (the
 * supplier's payment terms) and may be changed, never to before the bill's date. The three-way match
 * ({@link ThreeWayMatch}, with the tenant's tolerance) is shown per line as the numbers change, before
 * anything is saved; a charge is always "not on the order". Lines left at zero are not billed. {@code record} saves and returns the bill's id; a refusal is shown on its field or
 * as a notification and the dialog stays open.
 */
class SupplierBillDialog extends Dialog {

    /** One order line in the dialog: what the order says and what is billed. */
    final class Row {
        final PurchaseLine line;
        final BigDecimal netPrice;
        final BigDecimalField quantity = new BigDecimalField();
        final BigDecimalField price = new BigDecimalField();
        final Span flags = new Span();

        Row(PurchaseLine line) {
            this.line = line;
            this.netPrice = line.unitPrice()
                    .multiply(BigDecimal.ONE.subtract(line.discountPercent().movePointLeft(2)))
                    .setScale(4, RoundingMode.HALF_UP);
        }
    }

    final TextField reference = new TextField();
    final DatePicker supplierDate = new DatePicker();
    final DatePicker dueDate = new DatePicker();
    final List<Row> rows = new ArrayList<>();
    final List<Charge> charges = new ArrayList<>();
    final Div chargeList = new Div();
    final Button addCharge = new Button();
    final Span result = new Span();
    final Button save;

    /** A charge not on the order: one unit at its amount before tax, at a VAT rate. */
    final class Charge {
        final TextField description = new TextField();
        final BigDecimalField amount = new BigDecimalField();
        final Select<BigDecimal> vat = new Select<>();
        final Span flags = new Span();
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        final Div item;

        Charge() {
            description.setLabel(getTranslation("purchasing.bill-dialog.charge-description"));
            description.setMaxLength(200);
            description.getStyle().set("flex", "1 1 14rem");
            amount.setLabel(getTranslation("purchasing.bill-dialog.charge-amount"));
            amount.setWidth("9rem");
            amount.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            amount.addValueChangeListener(change -> rematch());
            vat.setLabel(getTranslation("purchasing.bill-dialog.charge-vat"));
            vat.setItems(VAT_RATES);
            vat.setItemLabelGenerator(Format::percent);
            vat.setValue(VAT_RATES.getFirst());
            vat.setWidth("7rem");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("purchasing.bill-dialog.remove-charge"));
            remove.getElement().setAttribute("title", getTranslation("purchasing.bill-dialog.remove-charge"));
            item = new Div(description, amount, vat, remove, new Div(flags));
            item.addClassName("bill-dialog-charge");
            item.getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "wrap")
                    .set("gap", "var(--lumo-space-s)")
                    .set("align-items", "flex-end")
                    .set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            remove.addClickListener(click -> {
                charges.remove(this);
                chargeList.remove(item);
                rematch();
            });
        }

        /** Whether anything was typed: an empty charge row is ignored. */
        boolean filled() {
            return amount.getValue() != null || !description.getValue().isBlank();
        }
    }

    /** The VAT rates a charge may carry (the general one first): as the bill service accepts them. */
    static final List<BigDecimal> VAT_RATES =
            List.of(new BigDecimal("21"), new BigDecimal("10"), new BigDecimal("4"), BigDecimal.ZERO);

    private UnaryOperator<LocalDate> dueFor;
    /** The due date last proposed: while the field still shows it, a new bill date proposes again. */
    private LocalDate proposedDue;

    private final BigDecimal tolerance;

    SupplierBillDialog(
            PurchaseDocument order, BigDecimal tolerance, LocalDate today, Function<BillRequest, UUID> record) {
        this.tolerance = tolerance;
        setHeaderTitle(getTranslation("purchasing.bill-dialog.title", order.number()));
        addClassName("supplier-bill-dialog");
        setWidth("min(56rem, 100%)");
        reference.setLabel(getTranslation("purchasing.bill-page.supplier-number"));
        reference.setRequiredIndicatorVisible(true);
        reference.setMaxLength(60);
        supplierDate.setLabel(getTranslation("purchasing.bill-dialog.supplier-date"));
        supplierDate.setRequiredIndicatorVisible(true);
        supplierDate.setValue(today);
        dueDate.setLabel(getTranslation("purchasing.bill-dialog.due-date"));
        supplierDate.addValueChangeListener(change -> {
            if (dueFor != null && change.getValue() != null && Objects.equals(dueDate.getValue(), proposedDue)) {
                proposeDue();
            }
            checkDue();
        });
        dueDate.addValueChangeListener(change -> checkDue());
        Div header = new Div(reference, supplierDate, dueDate);
        header.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        add(header);

        Paragraph help = new Paragraph(getTranslation("purchasing.bill-dialog.help"));
        help.addClassName("form-note");
        add(help);
        Div lines = new Div();
        lines.addClassName("bill-dialog-lines");
        for (PurchaseLine line : order.lines()) {
            Row row = new Row(line);
            BigDecimal open =
                    line.receivedQuantity().subtract(line.billedQuantity()).max(BigDecimal.ZERO);
            row.quantity.setValue(plain(open));
            row.quantity.setLabel(getTranslation("purchasing.bill-dialog.quantity"));
            row.quantity.setWidth("8rem");
            row.quantity.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            row.price.setValue(plain(row.netPrice));
            row.price.setLabel(getTranslation("purchasing.bill-dialog.price"));
            row.price.setWidth("9rem");
            row.price.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            row.quantity.addValueChangeListener(change -> rematch());
            row.price.addValueChangeListener(change -> rematch());
            Span description = new Span(line.description());
            description.getStyle().set("font-weight", "500");
            Span known = new Span(getTranslation(
                    "purchasing.bill-dialog.known",
                    PurchaseTexts.quantity(line.quantity()),
                    PurchaseTexts.quantity(line.receivedQuantity()),
                    PurchaseTexts.quantity(line.billedQuantity()),
                    Format.price(row.netPrice, order.currency())));
            known.addClassName("detail-subtitle");
            Div text = new Div(description, new Div(known), row.flags);
            text.getStyle().set("flex", "1 1 14rem");
            Div item = new Div(text, row.quantity, row.price);
            item.addClassName("bill-dialog-line");
            item.getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "wrap")
                    .set("gap", "var(--lumo-space-s)")
                    .set("align-items", "flex-end")
                    .set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            rows.add(row);
            lines.add(item);
        }
        chargeList.addClassName("bill-dialog-charges");
        addCharge.setText(getTranslation("purchasing.bill-dialog.add-charge"));
        addCharge.setIcon(VaadinIcon.PLUS.create());
        addCharge.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addCharge.addClassName("add-charge");
        addCharge.addClickListener(click -> addCharge());
        result.addClassNames("status-badge", "match-badge");
        add(lines, chargeList, addCharge, new Div(result));

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        save = new Button(getTranslation("purchasing.bill-dialog.save"), click -> save(record));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
        rematch();
    }

    /**
     * Proposes the due date from the bill's date with {@code dueFor} (the supplier's payment terms),
     * now and whenever the bill's date changes while the due date is still the proposed one.
     */
    void proposeDueDates(UnaryOperator<LocalDate> dueFor) {
        this.dueFor = dueFor;
        dueDate.setHelperText(getTranslation("purchasing.bill-dialog.due-help"));
        proposeDue();
    }

    private void proposeDue() {
        if (supplierDate.getValue() != null) {
            proposedDue = dueFor.apply(supplierDate.getValue());
            dueDate.setValue(proposedDue);
        }
    }

    /** A due date before the bill's date is marked at once, as the service would refuse it. */
    private boolean checkDue() {
        boolean before = dueDate.getValue() != null
                && supplierDate.getValue() != null
                && dueDate.getValue().isBefore(supplierDate.getValue());
        dueDate.setInvalid(before);
        dueDate.setErrorMessage(
                before
                        ? getTranslation("purchasing.bill.due-before-bill-date", Format.date(supplierDate.getValue()))
                        : null);
        return !before;
    }

    /** Adds an empty charge row, its description focused. */
    Charge addCharge() {
        Charge charge = new Charge();
        charges.add(charge);
        chargeList.add(charge.item);
        charge.description.focus();
        return charge;
    }

    /** 30.0000 as 30, 2.5000 as 2.5: as a person types it. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The rows billed (a quantity above zero), in the order's order. */
    private List<Row> billed() {
        return rows.stream()
                .filter(row -> row.quantity.getValue() != null
                        && row.quantity.getValue().signum() > 0)
                .toList();
    }

    /** Matches what is typed now and shows each line's issues and the bill's result. */
    void rematch() {
        rows.forEach(row -> clear(row.flags));
        charges.forEach(charge -> clear(charge.flags));
        List<Row> billed = billed().stream()
                .filter(row ->
                        row.price.getValue() != null && row.price.getValue().signum() >= 0)
                .toList();
        List<Charge> charged = pricedCharges();
        if (billed.isEmpty() && charged.isEmpty()) {
            result.setVisible(false);
            return;
        }
        List<ThreeWayMatch.Line> toMatch = new ArrayList<>();
        List<Span> flagsOf = new ArrayList<>();
        billed.forEach(row -> {
            toMatch.add(new ThreeWayMatch.Line(
                    row.line.id(),
                    row.line.quantity(),
                    row.netPrice,
                    row.line.receivedQuantity(),
                    row.line.billedQuantity(),
                    row.quantity.getValue(),
                    row.price.getValue()));
            flagsOf.add(row.flags);
        });
        charged.forEach(charge -> {
            toMatch.add(ThreeWayMatch.Line.notOnOrder(BigDecimal.ONE, charge.amount.getValue()));
            flagsOf.add(charge.flags);
        });
        ThreeWayMatch.Outcome outcome = ThreeWayMatch.match(toMatch, tolerance);
        for (int i = 0; i < toMatch.size(); i++) {
            ThreeWayMatch.LineMatch match = outcome.lines().get(i);
            Span flags = flagsOf.get(i);
            flags.addClassNames("status-badge", "match-badge");
            flags.getElement().setAttribute("data-status", match.matched() ? "MATCHED" : "DIFFERENCES");
            flags.setText(
                    match.matched()
                            ? getTranslation("purchasing.bill-page.line-ok")
                            : match.issues().stream()
                                    .map(issue -> getTranslation(
                                            "purchasing.bill-page.issue." + PurchaseTexts.slug(issue.name())))
                                    .collect(Collectors.joining("; ")));
        }
        boolean matched = outcome.result() == ThreeWayMatch.Result.MATCHED;
        result.setVisible(true);
        result.getElement().setAttribute("data-status", outcome.result().name());
        result.setText(
                matched
                        ? getTranslation("purchasing.bill-dialog.matched")
                        : getTranslation("purchasing.bill-dialog.differences"));
    }

    private static void clear(Span flags) {
        flags.setText("");
        flags.getElement().removeAttribute("data-status");
    }

    /** The charges with an amount (zero or more), in the order they were added. */
    private List<Charge> pricedCharges() {
        return charges.stream()
                .filter(charge -> charge.amount.getValue() != null
                        && charge.amount.getValue().signum() >= 0)
                .toList();
    }

    private void save(Function<BillRequest, UUID> record) {
        reference.setInvalid(false);
        supplierDate.setInvalid(false);
        if (!checkDue()) {
            return;
        }
        List<BillRequest.Line> lines = new ArrayList<>(billed().stream()
                .map(row -> new BillRequest.Line(row.line.id(), row.quantity.getValue(), row.price.getValue()))
                .toList());
        boolean chargesComplete = true;
        for (Charge charge : charges) {
            charge.description.setInvalid(false);
            charge.amount.setInvalid(false);
            if (!charge.filled()) {
                continue;
            }
            if (charge.description.getValue().isBlank()) {
                charge.description.setInvalid(true);
                charge.description.setErrorMessage(
                        getTranslation("purchasing.bill-dialog.charge-description-required"));
                chargesComplete = false;
            }
            if (charge.amount.getValue() == null || charge.amount.getValue().signum() < 0) {
                charge.amount.setInvalid(true);
                charge.amount.setErrorMessage(getTranslation("purchasing.bill-dialog.charge-amount-required"));
                chargesComplete = false;
            }
            if (chargesComplete) {
                lines.add(BillRequest.Line.charge(
                        charge.description.getValue(), charge.amount.getValue(), charge.vat.getValue()));
            }
        }
        if (!chargesComplete) {
            return;
        }
        try {
            record.apply(new BillRequest(reference.getValue(), supplierDate.getValue(), dueDate.getValue(), lines));
            close();
        } catch (PurchasingRuleException refusal) {
            String message = PurchaseTexts.refusal(this, refusal);
            if ("supplierReference".equals(refusal.field())) {
                reference.setInvalid(true);
                reference.setErrorMessage(message);
            } else if ("supplierDate".equals(refusal.field())) {
                supplierDate.setInvalid(true);
                supplierDate.setErrorMessage(message);
            } else if ("dueDate".equals(refusal.field())) {
                dueDate.setInvalid(true);
                dueDate.setErrorMessage(message);
            } else {
                Notices.error(message);
            }
        }
    }
}
