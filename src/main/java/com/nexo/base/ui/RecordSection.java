package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import java.util.UUID;

/**
 * A section a module adds to another module's record page (the sales module's documents of a client
 * on the account page), without the page's module depending on it: a Spring bean in the
 * contributing module's {@code ui} package (the purchasing module's suppliers of an article on the
 * article page). The page (see {@link RecordSections}) shows the
 * sections of its {@link #recordType()} to users whose roles grant {@link #permission()}, by
 * {@link #order()}, each framed with its title; a section whose {@link #content} fails shows a
 * translated "could not load" in its place and the page carries on.
 *
 * <p>A section reads what it shows with one service call of its own module (a lazy grid reads its
 * pages as the user scrolls).
 */
public interface RecordSection {

    /** The record type of account pages ({@code accounts/:id}); the record id is the account's. */
    String ACCOUNT = "account";

    /** The record type of article pages ({@code articles/:articleId}); the record id is the article's. */
    String ARTICLE = "article";

    /** The record type of CRM opportunity pages ({@code crm/opportunities/:id}); the record id is the opportunity's. */
    String CRM_OPPORTUNITY = "crm-opportunity";

    /** The record type of CRM lead pages ({@code crm/leads/:id}); the record id is the lead's. */
    String CRM_LEAD = "crm-lead";

    /** The record type of sales document pages ({@code sales/document/:id}); the record id is the document's. */
    String SALES_DOCUMENT = "sales-document";

    /** The kind of record page the section belongs on, e.g. {@link #ACCOUNT}. */
    String recordType();

    /** The permission ({@code module.action}) a user needs to see the section. */
    String permission();

    /** Where the section stands among the contributed ones, lower first; leave gaps. */
    int order();

    /** The bundle key of the section's title. */
    String titleKey();

    /**
     * Whether the section belongs on this record's page at all (a supplier's articles only on
     * suppliers' accounts); asked before {@link #content}, after the permission. Every record by
     * default.
     */
    default boolean appliesTo(UUID recordId) {
        return true;
    }

    /** The section's content for the record {@code recordId}, built when the page shows the record. */
    Component content(UUID recordId);
}
