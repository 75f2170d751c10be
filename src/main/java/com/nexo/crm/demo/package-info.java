/**
 * The demo tenants' CRM: pipelines with stages, lost reasons, a sales team, opportunities over every
 * stage and month (some won, some lost), leads from every source, the salespeople's activities and
 * sales targets, written with set-based SQL once the accounts exist.
 */
package com.nexo.crm.demo;
