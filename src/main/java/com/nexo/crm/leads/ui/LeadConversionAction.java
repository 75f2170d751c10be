package com.nexo.crm.leads.ui;

import com.nexo.crm.leads.LeadDetails;

/**
 * The "convert" button's work on the lead page, provided by the conversion feature (a Spring bean in
 * its {@code ui} package), so that the lead page does not depend on it.
 */
public interface LeadConversionAction {

    /** Opens the conversion of {@code lead}; {@code onConverted} reloads the page after it. */
    void open(LeadDetails lead, Runnable onConverted);
}
