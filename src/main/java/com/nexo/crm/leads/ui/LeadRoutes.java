package com.nexo.crm.leads.ui;

/** The addresses of the leads' pages. */
public final class LeadRoutes {

    public static final String LEADS = "crm/leads";

    private LeadRoutes() {}
}
