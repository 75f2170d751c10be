package com.nexo.crm.leads.ui;

import com.nexo.crm.leads.LeadDuplicate;
import com.nexo.crm.leads.LeadSource;
import com.nexo.crm.leads.LeadStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.stream.Collectors;

/** How leads' statuses, sources and duplicates read, in the page's language. */
public final class LeadLabels {

    private LeadLabels() {}

    public static String status(Component context, LeadStatus status) {
        return switch (status) {
            case NEW -> context.getTranslation("crm.leads.status.new");
            case WORKING -> context.getTranslation("crm.leads.status.working");
            case CONVERTED -> context.getTranslation("crm.leads.status.converted");
            case DISQUALIFIED -> context.getTranslation("crm.leads.status.disqualified");
        };
    }

    public static String source(Component context, LeadSource source) {
        return switch (source) {
            case MANUAL -> context.getTranslation("crm.leads.source.manual");
            case WEB -> context.getTranslation("crm.leads.source.web");
            case IMPORT -> context.getTranslation("crm.leads.source.import");
            case REFERRAL -> context.getTranslation("crm.leads.source.referral");
            case EVENT -> context.getTranslation("crm.leads.source.event");
            case CAMPAIGN -> context.getTranslation("crm.leads.source.campaign");
            case OTHER -> context.getTranslation("crm.leads.source.other");
        };
    }

    /** The badge variant of a status (Lumo's theme words). */
    public static String statusVariant(LeadStatus status) {
        return switch (status) {
            case NEW -> "";
            case WORKING -> "contrast";
            case CONVERTED -> "success";
            case DISQUALIFIED -> "error";
        };
    }

    public static Span statusBadge(Component context, LeadStatus status) {
        Span badge = new Span(status(context, status));
        badge.getElement().setAttribute("theme", ("badge " + statusVariant(status) + " small").replace("  ", " "));
        badge.addClassName("crm-lead-status");
        return badge;
    }

    public static String kind(Component context, LeadDuplicate.Kind kind) {
        return switch (kind) {
            case LEAD -> context.getTranslation("crm.leads.duplicates.kind-lead");
            case ACCOUNT -> context.getTranslation("crm.leads.duplicates.kind-account");
            case CONTACT -> context.getTranslation("crm.leads.duplicates.kind-contact");
        };
    }

    public static String reason(Component context, String reason) {
        return switch (reason) {
            case "SAME_EMAIL" -> context.getTranslation("crm.leads.duplicates.same-email");
            case "SAME_PHONE" -> context.getTranslation("crm.leads.duplicates.same-phone");
            case "SAME_TAX_ID" -> context.getTranslation("crm.leads.duplicates.same-tax-id");
            case "SIMILAR_NAME" -> context.getTranslation("crm.leads.duplicates.similar-name");
            default -> reason;
        };
    }

    public static String reasons(Component context, LeadDuplicate duplicate) {
        return duplicate.reasons().stream()
                .map(reason -> reason(context, reason))
                .collect(Collectors.joining(", "));
    }

    /** Where a duplicate's page is: the other lead's, or the account's (a contact's account). */
    public static String route(LeadDuplicate duplicate) {
        return duplicate.kind() == LeadDuplicate.Kind.LEAD
                ? LeadRoutes.LEADS + "/" + duplicate.id()
                : "accounts/" + duplicate.accountId();
    }
}
