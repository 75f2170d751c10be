package com.nexo.sales.portal.ui;

import com.nexo.sales.documents.DocumentStatus;
import com.vaadin.flow.component.Component;

/** Texts the client portal's pages share. */
final class ClientTexts {

    private ClientTexts() {}

    /** A document's state as the client reads it (a quote past its validity shows as expired). */
    static String status(Component in, DocumentStatus status, boolean expired) {
        return expired ? in.getTranslation("sales.status.expired") : in.getTranslation(status.key());
    }
}
