package com.nexo.sales.portal.ui;

import com.nexo.base.ui.PortalNotices;
import com.nexo.sales.lists.OpenAmount;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What waits for a client in sales: quotes to answer and invoices still to pay. */
@Component
class ClientSalesNotices implements PortalNotices {

    private final ClientPortalService portal;

    ClientSalesNotices(ClientPortalService portal) {
        this.portal = portal;
    }

    @Override
    public Set<String> actors() {
        return Set.of(Roles.CLIENT);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Notice> pending() {
        List<Notice> notices = new ArrayList<>();
        long quotes = portal.quotesAwaitingAnswer();
        if (quotes > 0) {
            String messageKey = "portal.client.notice.quotes";
            notices.add(new Notice(messageKey, quotes, "portal/quotes"));
        }
        long invoices =
                portal.due().stream().mapToLong(OpenAmount::openInvoices).sum();
        if (invoices > 0) {
            String messageKey = "portal.client.notice.invoices";
            notices.add(new Notice(messageKey, invoices, "portal/invoices"));
        }
        return notices;
    }
}
