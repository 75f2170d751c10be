package com.nexo.base.ui.documents;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * How a module turns its rule exception (a refused step: {@code SalesRuleException},
 * {@code PurchasingRuleException}) into the message its reader sees. Empty for anything else, which
 * the shared document parts let through.
 */
@FunctionalInterface
public interface Refusals {

    Optional<String> message(Component context, RuntimeException failure);
}
