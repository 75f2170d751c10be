package com.nexo.crm.conversion.ui;

import com.nexo.crm.conversion.LeadConversionService;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.ui.LeadConversionAction;
import org.springframework.stereotype.Component;

/** The lead page's "convert" button opens the conversion dialog. */
@Component
class ConversionAction implements LeadConversionAction {

    private final LeadConversionService conversions;

    ConversionAction(LeadConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public void open(LeadDetails lead, Runnable onConverted) {
        new ConversionDialog(conversions, lead, onConverted).open();
    }
}
