package com.nexo.crm.opportunities.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.Component;

/** The CRM screens' way of telling the user that the rules refused what it asked. */
public final class CrmNotices {

    private CrmNotices() {}

    /** The refusal's translated message as an error notification. */
    public static void refused(Component context, RuleException refusal) {
        Notices.error(context.getTranslation(refusal.messageKey(), refusal.arguments()));
    }
}
