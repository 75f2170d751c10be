package com.nexo.sales.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.RecordSection;
import com.nexo.base.ui.RecordSections;
import com.nexo.base.ui.documents.DocumentOutput;
import com.nexo.base.ui.documents.DocumentPageParts;
import com.nexo.base.ui.documents.DocumentReasonDialog;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.base.ui.documents.RelatedDocuments;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentAction;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentLineRow;
import com.nexo.sales.documents.DocumentPage;
import com.nexo.sales.documents.DocumentPageService;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.sales.documents.SalesTotals;
import com.nexo.sales.portal.QuoteAnswer;
import com.nexo.sales.portal.QuoteAnswers;
import com.nexo.sales.print.SalesPrintService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One sales document seen whole: who it is for and when, its lines (an order's with what has been
 * delivered, invoiced and waits for stock), its tax breakdown and totals, legal notes, the documents
 * of its chain (quote, order, delivery notes, invoices, corrective invoices) and its timeline. The
 * buttons are the steps its state allows and the user may take; each step is one service call, and a
 * refusal is shown translated with nothing changed. Each render reads the page once ({@link
 * DocumentPageService#page}).
 */
@Route("sales/document/:id")
@RolesAllowed(SalesPermissions.READ)
public class DocumentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "id";

    private final transient DocumentPageService pages;
    private final transient SalesDocumentService documents;
    private final transient SalesFlowService flow;
    private final transient InvoicingService invoicing;
    private final transient SalesPrintService print;
    private final transient Clock clock;
    private final transient QuoteAnswers answers;

    private DocumentPage page;

    private final H2 title = new H2();
    private final Span client = new Span();
    private final Span state = new Span();
    private final Div actions = new Div();
    final Map<DocumentAction, Button> buttons = new EnumMap<>(DocumentAction.class);
    /** The PDF and e-mail buttons ({@link DocumentOutput}). */
    final Div output = new Div();

    private final Div data = new Div();
    final Grid<DocumentLineRow> lines = new Grid<>();
    private final DocumentTotalsBox totals = new DocumentTotalsBox();
    private final Div notes = new Div();
    private final Section notesSection;
    final RelatedDocuments related = new RelatedDocuments();
    final HistoryTimeline timeline = new HistoryTimeline();
    /** A client's answer to a quote in the portal, when there is one. */
    final Paragraph portalAnswer = new Paragraph();
    /** Sections other modules add (the CRM's opportunity a quote was made from). */
    private final transient RecordSections contributed;

    private final Div contributedSections = new Div();
    /** The document the contributed sections show, so that a reload of the page does not rebuild them. */
    private UUID contributedFor;

    DocumentView(
            DocumentPageService pages,
            SalesDocumentService documents,
            SalesFlowService flow,
            InvoicingService invoicing,
            SalesPrintService print,
            QuoteAnswers answers,
            Clock clock,
            RecordSections contributed) {
        this.contributed = contributed;
        this.print = print;
        this.answers = answers;
        this.pages = pages;
        this.documents = documents;
        this.flow = flow;
        this.invoicing = invoicing;
        this.clock = clock;
        addClassNames("account-detail", "sales-document");

        state.addClassName("status-badge");
        Div header = DocumentPageParts.header(title, client, List.of(state), actions, output);

        data.addClassName("detail-data");
        configureLines();
        notes.addClassName("document-notes");

        Section dataSection = DetailSections.section(getTranslation("sales.page.data"), data);
        Section linesSection = DetailSections.section(getTranslation("sales.page.lines"), lines, totals);
        notesSection = DetailSections.section(getTranslation("sales.page.notes"), notes);
        Section relatedSection = DetailSections.section(getTranslation("sales.page.related"), related);
        Section historySection = DetailSections.section(getTranslation("sales.page.history"), timeline);
        historySection.addClassName("detail-history");
        // The lines take the page's whole width (an order shows up to nine columns); the document's
        // data and notes, its related documents and its history follow in two columns.
        linesSection.addClassName("document-lines-section");
        contributedSections.addClassName("record-sections");
        Div columns = DocumentPageParts.columns(
                List.of(dataSection, notesSection, contributedSections), List.of(relatedSection, historySection));
        portalAnswer.addClassName("portal-answer-given");
        portalAnswer.setVisible(false);
        add(header, portalAnswer, linesSection, columns);
    }

    static RouteParameters parameters(UUID documentId) {
        return new RouteParameters(PARAMETER, documentId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            show(pages.page(id.get()));
        } catch (SalesRuleException e) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void reload() {
        show(pages.page(page.document().id()));
        PageTitles.refresh(this);
    }

    private void show(DocumentPage shown) {
        this.page = shown;
        SalesDocument document = shown.document();
        title.setText(DocumentViewTexts.title(this, document.kind(), document.number()));
        client.setText(document.clientName());
        boolean expired = document.expiredOn(LocalDate.now(clock));
        state.setText(
                expired ? getTranslation("sales.status.expired") : DocumentViewTexts.status(this, document.status()));
        state.getElement().setAttribute("data-status", document.status().name());
        showData(shown);
        showLines(shown);
        showTotals(document);
        showNotes(document);
        showRelated(shown);
        showActions(shown);
        showOutput(document);
        showPortalAnswer(document);
        timeline.setEntries(DocumentViewHistory.entries(this, shown.history(), document.currency()));
        if (!document.id().equals(contributedFor)) {
            contributedFor = document.id();
            contributedSections.removeAll();
            contributed
                    .render(this, RecordSection.SALES_DOCUMENT, document.id(), CurrentUser::can)
                    .forEach(contributedSections::add);
        }
    }

    private void showOutput(SalesDocument document) {
        output.removeAll();
        String number = document.number() == null ? getTranslation("sales.status.draft") : document.number();
        String fileName =
                (getTranslation(document.kind().key()) + "-" + number).replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf";
        UUID id = document.id();
        output.add(new DocumentOutput(
                new DocumentOutput.Source() {
                    @Override
                    public byte[] pdf() {
                        return print.pdf(id);
                    }

                    @Override
                    public String email(String to, String message) {
                        return print.email(id, to, message);
                    }
                },
                fileName,
                document.clientEmail(),
                CurrentUser.can(SalesPermissions.EDIT),
                DocumentViewTexts::refusalOf,
                this::reload));
    }

    private void showPortalAnswer(SalesDocument document) {
        Optional<QuoteAnswer> given =
                document.kind() == DocumentKind.QUOTE ? answers.of(document.id()) : Optional.empty();
        portalAnswer.setVisible(given.isPresent());
        given.ifPresent(answer -> {
            Object[] facts = {
                answer.signedName(),
                Format.dateTime(answer.answeredAt()),
                answer.clientIp() == null ? "-" : answer.clientIp(),
                answer.comment() == null ? "-" : answer.comment()
            };
            portalAnswer.setText(
                    answer.accepted()
                            ? getTranslation("portal.client.team.page-accepted", facts)
                            : getTranslation("portal.client.team.page-rejected", facts));
        });
    }

    // ---- data ----

    private void showData(DocumentPage shown) {
        SalesDocument d = shown.document();
        data.removeAll();
        item(
                getTranslation("sales.editor.field.client"),
                d.clientName() + (d.clientTaxId() == null ? "" : " · " + d.clientTaxId()));
        item(getTranslation("sales.editor.field.contact"), shown.contactName());
        item(getTranslation("sales.page.billing-address"), String.join("\n", d.billingAddress()));
        item(getTranslation("sales.page.shipping-address"), String.join("\n", d.shippingAddress()));
        item(getTranslation("sales.editor.field.document-date"), Format.date(d.documentDate()));
        if (d.kind() == DocumentKind.QUOTE) {
            item(getTranslation("sales.editor.field.valid-until"), Format.date(d.validUntil()));
        }
        item(getTranslation("sales.editor.field.delivery-date"), Format.date(d.deliveryDate()));
        if (d.kind().isInvoice()) {
            item(getTranslation("sales.page.due-date"), Format.date(d.dueDate()));
        }
        item(getTranslation("sales.editor.field.salesperson"), shown.salespersonName());
        item(getTranslation("sales.editor.field.warehouse"), shown.warehouseName());
        item(
                getTranslation("sales.editor.field.tax-regime"),
                getTranslation(d.taxRegime().labelKey()));
        item(
                getTranslation("sales.editor.field.currency"),
                "EUR".equals(d.currency())
                        ? d.currency()
                        : d.currency() + " · " + Format.decimal(d.exchangeRate(), 0, 8));
        if (d.paymentDays() != null) {
            item(getTranslation("sales.editor.field.payment-days"), Format.integer(d.paymentDays()));
        }
        item(getTranslation("sales.editor.field.client-reference"), d.clientReference());
        if (d.kind().isInvoice() && d.status() == DocumentStatus.ISSUED) {
            item(getTranslation("sales.page.paid"), Format.money(shown.paid(), d.currency()));
            item(getTranslation("sales.page.open"), Format.money(shown.open(), d.currency()));
        }
    }

    private void item(String label, String value) {
        DocumentPageParts.item(data, label, value);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- lines ----

    private Grid.Column<DocumentLineRow> delivered;
    private Grid.Column<DocumentLineRow> invoiced;
    private Grid.Column<DocumentLineRow> backOrdered;

    private void configureLines() {
        DocumentPageParts.linesGrid(lines);
        Grid.Column<DocumentLineRow> code = DocumentPageParts.codeColumn(
                lines, DocumentLineRow::articleCode, getTranslation("documents.line.code"));
        lines.addColumn(DocumentLineRow::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        DocumentPageParts.figureColumn(
                lines, row -> DocumentViewTexts.quantity(row.quantity()), getTranslation("documents.line.quantity"));
        delivered = DocumentPageParts.figureColumn(
                lines,
                row -> DocumentViewTexts.quantity(row.deliveredQuantity()),
                getTranslation("sales.editor.line.delivered"));
        invoiced = DocumentPageParts.figureColumn(
                lines,
                row -> DocumentViewTexts.quantity(row.invoicedQuantity()),
                getTranslation("sales.editor.line.invoiced"));
        backOrdered = DocumentPageParts.figureColumn(
                lines,
                row -> DocumentViewTexts.quantity(
                        page == null ? null : page.backOrdered().get(row.id())),
                getTranslation("sales.editor.line.back-ordered"));
        DocumentPageParts.figureColumn(
                lines, row -> Format.price(row.unitPrice(), currency()), getTranslation("documents.line.price"));
        Grid.Column<DocumentLineRow> discount = DocumentPageParts.figureColumn(
                lines,
                row -> row.discountPercent().signum() == 0 ? "" : Format.percent(row.discountPercent()),
                getTranslation("documents.line.discount"));
        Grid.Column<DocumentLineRow> vat = DocumentPageParts.figureColumn(
                lines, row -> Format.percent(row.vatPercent()), getTranslation("documents.line.vat"));
        DocumentPageParts.figureColumn(
                lines, row -> Format.money(row.netAmount(), currency()), getTranslation("documents.line.net"));
        lines.setEmptyStateText(getTranslation("sales.page.no-lines"));
        NarrowScreens.hideColumnsBelow(lines, 1100, List.of(code, discount, vat));
        NarrowScreens.hideColumnsBelow(lines, 900, List.of(delivered, invoiced));
    }

    private String currency() {
        return page == null ? "EUR" : page.document().currency();
    }

    private void showLines(DocumentPage shown) {
        boolean order = shown.document().kind() == DocumentKind.ORDER;
        boolean progress = order && shown.document().status() != DocumentStatus.DRAFT;
        delivered.setVisible(progress);
        invoiced.setVisible(progress || shown.document().kind() == DocumentKind.DELIVERY);
        backOrdered.setVisible(progress && !shown.backOrdered().isEmpty());
        lines.setItems(shown.document().lines());
    }

    // ---- totals and notes ----

    private void showTotals(SalesDocument document) {
        totals.show(SalesTotals.of(document), document.currency());
    }

    private void showNotes(SalesDocument document) {
        notes.removeAll();
        List<String> texts = new ArrayList<>();
        if (document.taxRegime().legalNoteKey() != null) {
            texts.add(getTranslation(document.taxRegime().legalNoteKey()));
        }
        if (document.withholdingPercent() != null
                && document.withholdingPercent().signum() > 0) {
            texts.add(getTranslation("sales.legal.withholding", Format.decimal(document.withholdingPercent(), 0, 2)));
        }
        if (document.correctedId() != null) {
            Optional<DocumentPage.Related> original = page.related().stream()
                    .filter(r -> r.id().equals(document.correctedId()))
                    .findFirst();
            texts.add(getTranslation(
                    "sales.legal.corrective",
                    original.map(DocumentPage.Related::number).orElse(""),
                    original.map(r -> Format.date(r.documentDate())).orElse(""),
                    document.correctionReason() == null ? "" : document.correctionReason()));
        }
        if (document.legalNote() != null && !document.legalNote().isBlank()) {
            texts.add(document.legalNote());
        }
        if (document.notes() != null && !document.notes().isBlank()) {
            texts.add(document.notes());
        }
        if (document.status() == DocumentStatus.CANCELLED && document.cancelReason() != null) {
            texts.add(getTranslation("sales.page.cancelled-because", document.cancelReason()));
        }
        texts.forEach(text -> {
            Paragraph paragraph = new Paragraph(text);
            paragraph.addClassName("detail-value");
            notes.add(paragraph);
        });
        notesSection.setVisible(!texts.isEmpty());
    }

    // ---- related documents ----

    private void showRelated(DocumentPage shown) {
        related.show(shown.related().stream()
                .map(other -> new RelatedDocuments.Item(
                        DocumentViewTexts.title(this, other.kind(), other.number()),
                        "sales/document/" + other.id(),
                        DocumentViewTexts.status(this, other.status())
                                + " · " + Format.date(other.documentDate())
                                + " · " + Format.money(other.total(), other.currency()),
                        "related-" + slug(other.kind().name())))
                .toList());
    }

    // ---- actions ----

    private void showActions(DocumentPage shown) {
        actions.removeAll();
        buttons.clear();
        SalesDocument d = shown.document();
        action(DocumentAction.EDIT, true, () -> navigateToEditor(d.id()));
        action(
                DocumentAction.SEND,
                true,
                () -> step(() -> {
                    flow.send(d.id());
                    return getTranslation("sales.page.done.sent");
                }));
        action(DocumentAction.TO_ORDER, true, this::makeOrder);
        action(
                DocumentAction.CONFIRM,
                true,
                () -> step(() -> {
                    int waiting = flow.confirm(d.id());
                    return waiting == 0
                            ? getTranslation("sales.page.done.confirmed")
                            : getTranslation("sales.page.done.confirmed-back-ordered", waiting);
                }));
        action(DocumentAction.DELIVER, true, this::deliver);
        action(DocumentAction.INVOICE, true, () -> {
            try {
                UUID invoice = invoicing.invoice(List.of(d.id()));
                Notices.success(getTranslation("sales.page.done.invoiced"));
                navigateToPage(invoice);
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        });
        action(
                DocumentAction.ISSUE,
                true,
                () -> step(() -> {
                    String number = invoicing.issue(d.id());
                    return getTranslation("sales.page.done.issued", number);
                }));
        action(DocumentAction.CORRECT, false, this::correct);
        action(DocumentAction.REGISTER_PAYMENT, false, this::registerPayment);
        action(DocumentAction.DUPLICATE, false, () -> {
            try {
                UUID copy = documents.duplicate(d.id());
                Notices.success(getTranslation("sales.page.done.duplicated"));
                navigateToEditor(copy);
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        });
        action(DocumentAction.CANCEL, false, this::cancelDocument);
        action(DocumentAction.DELETE, false, this::deleteDraft);
    }

    private void action(DocumentAction action, boolean primary, Runnable run) {
        if (!page.allows(action)) {
            return;
        }
        Button button = DocumentPageParts.stepButton(
                slug(action.name()),
                getTranslation(action.key()),
                primary,
                action == DocumentAction.CANCEL || action == DocumentAction.DELETE,
                run);
        buttons.put(action, button);
        actions.add(button);
    }

    /** Takes a step that stays on this page: success message and a fresh read, or the refusal. */
    private void step(Supplier<String> run) {
        try {
            String done = run.get();
            Notices.success(done);
        } catch (SalesRuleException refusal) {
            Notices.error(DocumentViewTexts.refusal(this, refusal));
        }
        reload();
    }

    private void makeOrder() {
        SalesDocument quote = page.document();
        new DocumentQuantitiesDialog(
                        getTranslation("sales.action.to-order"),
                        getTranslation("sales.page.dialog.to-order-intro"),
                        getTranslation("sales.action.to-order"),
                        quote.lines(),
                        DocumentLineRow::quantity,
                        quantities -> {
                            UUID order = flow.toOrder(quote.id(), quantities);
                            Notices.success(getTranslation("sales.page.done.ordered"));
                            navigateToPage(order);
                        })
                .open();
    }

    private void deliver() {
        SalesDocument order = page.document();
        new DocumentQuantitiesDialog(
                        getTranslation("sales.action.deliver"),
                        getTranslation("sales.page.dialog.deliver-intro"),
                        getTranslation("sales.action.deliver"),
                        order.lines().stream()
                                .filter(line -> line.toDeliver().signum() > 0)
                                .toList(),
                        DocumentLineRow::toDeliver,
                        quantities -> {
                            flow.deliver(order.id(), quantities);
                            Notices.success(getTranslation("sales.page.done.delivered"));
                            reload();
                        })
                .open();
    }

    private void correct() {
        SalesDocument invoice = page.document();
        new DocumentReasonDialog(
                        getTranslation("sales.action.correct"),
                        getTranslation("sales.page.dialog.correct-intro"),
                        getTranslation("sales.action.correct"),
                        DocumentViewTexts::refusalOf,
                        reason -> {
                            UUID corrective = invoicing.correct(invoice.id(), reason);
                            Notices.success(getTranslation("sales.page.done.corrective"));
                            navigateToEditor(corrective);
                        })
                .open();
    }

    private void registerPayment() {
        SalesDocument invoice = page.document();
        new DocumentPaymentDialog(page.open(), invoice.currency(), LocalDate.now(clock), (paidOn, amount, method) -> {
                    invoicing.registerPayment(invoice.id(), paidOn, amount, method);
                    Notices.success(getTranslation("sales.page.done.paid"));
                    reload();
                })
                .open();
    }

    private void cancelDocument() {
        SalesDocument document = page.document();
        new DocumentReasonDialog(
                        getTranslation("sales.action.cancel"),
                        getTranslation("sales.page.dialog.cancel-intro"),
                        getTranslation("sales.page.dialog.cancel-confirm"),
                        DocumentViewTexts::refusalOf,
                        reason -> {
                            if (document.kind().isInvoice()) {
                                invoicing.cancel(document.id(), reason);
                            } else {
                                flow.cancel(document.id(), reason);
                            }
                            Notices.success(getTranslation("sales.page.done.cancelled"));
                            reload();
                        })
                .open();
    }

    private void deleteDraft() {
        SalesDocument document = page.document();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("sales.action.delete"));
        confirm.setText(getTranslation("sales.page.dialog.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                documents.deleteDraft(document.id());
                Notices.success(getTranslation("sales.page.done.deleted"));
                getUI().ifPresent(ui -> ui.navigate(DocumentViewTexts.listRoute(document.kind())));
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
                reload();
            }
        });
        confirm.open();
    }

    private void navigateToPage(UUID documentId) {
        getUI().ifPresent(ui -> ui.navigate(DocumentView.class, parameters(documentId)));
    }

    private void navigateToEditor(UUID documentId) {
        getUI().ifPresent(ui -> ui.navigate(DocumentEditor.editRoute(documentId)));
    }

    /** The page shown (for tests). */
    DocumentPage page() {
        return page;
    }

    @Override
    public String getPageTitle() {
        return page == null
                ? getTranslation("sales.page.page-title")
                : DocumentViewTexts.title(
                        this, page.document().kind(), page.document().number());
    }
}
