package com.nexo.sales.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.OpenAmount;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/** The client's own invoices and corrective invoices (portal), with what it still owes in total. */
@Route("portal/invoices")
@RolesAllowed(Roles.CLIENT)
@Menu(title = "portal.client.menu.invoices", order = 13.0, icon = "vaadin:euro")
public class ClientInvoicesView extends ClientDocumentList {

    final Paragraph totalDue = new Paragraph();

    ClientInvoicesView(ClientPortalService portal) {
        super(portal, DocumentKind.INVOICE, "portal.client.menu.invoices");
        totalDue.addClassName("portal-total-due");
        List<OpenAmount> due = portal.due();
        if (due.isEmpty()) {
            totalDue.setText(getTranslation("portal.client.invoices.nothing-due"));
        } else {
            String amounts = due.stream()
                    .map(open -> Format.money(open.open(), open.currency()))
                    .collect(Collectors.joining(" · "));
            String overdue = due.stream()
                    .filter(open -> open.overdue().signum() != 0)
                    .map(open -> Format.money(open.overdue(), open.currency()))
                    .collect(Collectors.joining(" · "));
            if (overdue.isEmpty()) {
                totalDue.setText(getTranslation("portal.client.invoices.total-due", amounts));
            } else {
                totalDue.setText(getTranslation("portal.client.invoices.total-due-overdue", amounts, overdue));
            }
        }
        add(totalDue, grid);
    }
}
