package com.nexo.purchasing.portal.ui;

import com.nexo.base.Ids;
import com.nexo.purchasing.PurchasingRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** What the supplier portal's record pages (an RFQ, an order) share: how they load and their header. */
final class SupplierPortalPages {

    private SupplierPortalPages() {}

    /**
     * The record named by the route's {@code id}, read through {@code loader}; empty (and the route sent
     * to "not found") when the id is malformed, or the record is not there or not this supplier's: the
     * same answer every time, which gives nothing away.
     */
    static <T> Optional<T> load(BeforeEnterEvent event, Function<UUID, T> loader) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        try {
            Optional<T> loaded = id.map(loader);
            if (loaded.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
            }
            return loaded;
        } catch (PurchasingRuleException notFound) {
            event.rerouteToError(NotFoundException.class);
            return Optional.empty();
        }
    }

    /** A record page's header: its title and badges side by side. */
    static Div header(Component... parts) {
        Div header = new Div(parts);
        header.addClassName("detail-header");
        return header;
    }
}
