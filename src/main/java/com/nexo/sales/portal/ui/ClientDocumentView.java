package com.nexo.sales.portal.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.documents.DocumentPageParts;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentLineRow;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesTotals;
import com.nexo.sales.portal.ClientDocumentPage;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.sales.portal.QuoteAnswer;
import com.nexo.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One of the client's own documents (portal): its dates and state, lines and totals, what is paid
 * and due of an invoice, its PDF, the documents of its chain the client can see, and for a sent quote
 * the buttons to accept or reject it (then the answer given). Another account's document, a draft or
 * an unknown id all show "page not found", which gives nothing away.
 */
@Route("portal/documents/:id")
@RolesAllowed(Roles.CLIENT)
public class ClientDocumentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "id";

    private final transient ClientPortalService portal;
    private ClientDocumentPage page;

    private final H2 title = new H2();
    private final Span state = new Span();
    final Div output = new Div();
    final Div answer = new Div();
    final Button accept = new Button();
    final Button reject = new Button();
    private final Div data = new Div();
    final Grid<DocumentLineRow> lines = new Grid<>();
    private final DocumentTotalsBox totals = new DocumentTotalsBox();
    final Div related = new Div();

    ClientDocumentView(ClientPortalService portal) {
        this.portal = portal;
        addClassNames("account-detail", "sales-document", "portal-document");
        state.addClassName("status-badge");
        data.addClassName("detail-data");
        answer.setId("portal-quote-answer");
        related.addClassName("portal-related");
        accept.setText(getTranslation("portal.client.answer.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setId("portal-accept");
        accept.addClickListener(click -> answer(true));
        reject.setText(getTranslation("portal.client.answer.reject"));
        reject.setId("portal-reject");
        reject.addClickListener(click -> answer(false));
        configureLines();
        Div header = new Div(title, state, output);
        header.addClassName("detail-header");
        add(
                header,
                answer,
                DetailSections.section(getTranslation("portal.client.page.data"), data),
                DetailSections.section(getTranslation("portal.client.page.lines"), lines, totals),
                DetailSections.section(getTranslation("portal.client.page.related"), related));
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
            show(portal.document(id.get()));
        } catch (SalesRuleException notFound) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(ClientDocumentPage shown) {
        page = shown;
        SalesDocument d = shown.document();
        title.setText(getTranslation("sales.page.title", getTranslation(d.kind().key()), d.number()));
        state.setText(stateText(shown));
        state.getElement().setAttribute("data-status", d.status().name());
        showOutput(d);
        showAnswer(shown);
        showData(shown);
        lines.setItems(d.lines());
        totals.show(SalesTotals.of(d), d.currency());
        showRelated(shown);
    }

    private String stateText(ClientDocumentPage shown) {
        QuoteAnswer given = shown.answer();
        if (given != null) {
            return given.accepted()
                    ? getTranslation("portal.client.answer.accepted")
                    : getTranslation("portal.client.answer.rejected");
        }
        return ClientTexts.status(this, shown.document().status(), shown.expired());
    }

    private void showOutput(SalesDocument d) {
        output.removeAll();
        String fileName =
                (getTranslation(d.kind().key()) + "-" + d.number()).replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf";
        UUID id = d.id();
        DownloadLink pdf = new DownloadLink(
                getTranslation("documents.action.print"),
                fileName,
                "application/pdf",
                out -> out.write(portal.pdf(id)));
        pdf.addClassName("document-pdf");
        output.add(pdf);
    }

    private void showAnswer(ClientDocumentPage shown) {
        answer.removeAll();
        QuoteAnswer given = shown.answer();
        if (given != null) {
            String signedName = given.signedName();
            String at = Format.dateTime(given.answeredAt());
            Paragraph text = new Paragraph(
                    given.accepted()
                            ? getTranslation("portal.client.answer.given-accepted", signedName, at)
                            : getTranslation("portal.client.answer.given-rejected", signedName, at));
            text.addClassName("portal-answer-given");
            answer.add(text);
            if (given.comment() != null) {
                answer.add(new Paragraph(given.comment()));
            }
            if (given.accepted()) {
                answer.add(orderOf(shown, given)
                        .map(order -> {
                            Anchor link = documentLink(
                                    order, getTranslation("portal.client.answer.order-link", order.number()));
                            link.addClassName("portal-answer-order");
                            return new Paragraph(link);
                        })
                        .orElseGet(() -> {
                            Paragraph preparing =
                                    new Paragraph(getTranslation("portal.client.answer.order-in-preparation"));
                            preparing.addClassName("portal-answer-order-in-preparation");
                            return preparing;
                        }));
            }
        } else if (shown.answerable()) {
            answer.add(new Paragraph(getTranslation("portal.client.answer.waiting")), new Div(accept, reject));
        } else if (shown.expired()) {
            answer.add(new Paragraph(getTranslation("portal.client.answer.expired")));
        }
        answer.setVisible(answer.getChildren().findAny().isPresent());
    }

    /**
     * The order the accepted quote became, once the client may see it (confirmed by the company; a
     * draft is not shown to clients): the one made from the answer, else one the sales team made by hand.
     */
    private static Optional<ClientDocumentPage.Related> orderOf(ClientDocumentPage shown, QuoteAnswer given) {
        return shown.related().stream()
                .filter(r -> given.orderId() == null ? r.kind() == DocumentKind.ORDER : r.id().equals(given.orderId()))
                .findFirst();
    }

    private static Anchor documentLink(ClientDocumentPage.Related document, String text) {
        String href = RouteConfiguration.forSessionScope().getUrl(ClientDocumentView.class, parameters(document.id()));
        Anchor link = new Anchor(href, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private void showData(ClientDocumentPage shown) {
        SalesDocument d = shown.document();
        data.removeAll();
        item(getTranslation("portal.client.column.date"), Format.date(d.documentDate()));
        if (d.kind() == DocumentKind.QUOTE) {
            item(getTranslation("sales.editor.field.valid-until"), Format.date(d.validUntil()));
        }
        item(getTranslation("sales.editor.field.delivery-date"), Format.date(d.deliveryDate()));
        if (d.kind().isInvoice()) {
            item(getTranslation("sales.page.due-date"), Format.date(d.dueDate()));
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

    private void configureLines() {
        DocumentPageParts.linesGrid(lines);
        Grid.Column<DocumentLineRow> code = DocumentPageParts.codeColumn(
                lines, DocumentLineRow::articleCode, getTranslation("documents.line.code"));
        lines.addColumn(DocumentLineRow::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        DocumentPageParts.figureColumn(
                lines,
                row -> Format.decimal(row.quantity(), 0, 4) + (row.unitCode() == null ? "" : " " + row.unitCode()),
                getTranslation("documents.line.quantity"));
        Grid.Column<DocumentLineRow> price = DocumentPageParts.figureColumn(
                lines, row -> Format.price(row.unitPrice(), currency()), getTranslation("documents.line.price"));
        DocumentPageParts.figureColumn(
                lines, row -> Format.money(row.netAmount(), currency()), getTranslation("documents.line.net"));
        lines.setEmptyStateText(getTranslation("sales.page.no-lines"));
        NarrowScreens.hideColumnsBelow(lines, ClientDocumentList.NARROW_PX, List.of(code, price));
    }

    private String currency() {
        return page == null ? "EUR" : page.document().currency();
    }

    private void showRelated(ClientDocumentPage shown) {
        related.removeAll();
        for (ClientDocumentPage.Related r : shown.related()) {
            Anchor link = documentLink(
                    r,
                    getTranslation("sales.page.title", getTranslation(r.kind().key()), r.number()) + " · "
                            + Format.date(r.date()) + " · "
                            + getTranslation(r.status().key()));
            link.addClassName("portal-related-document");
            related.add(new Div(link));
        }
        if (shown.related().isEmpty()) {
            related.add(new Paragraph(getTranslation("portal.client.page.no-related")));
        }
    }

    private void answer(boolean accepted) {
        QuoteAnswerDialog dialog = new QuoteAnswerDialog(portal, page.document(), accepted, this::reload);
        dialog.open();
    }

    void reload() {
        show(portal.document(page.document().id()));
    }

    @Override
    public String getPageTitle() {
        return page == null
                ? getTranslation("portal.client.menu.quotes")
                : getTranslation(
                        "sales.page.title",
                        getTranslation(page.document().kind().key()),
                        page.document().number());
    }
}
