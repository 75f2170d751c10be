/**
 * Activities (calls, meetings, tasks, notes) on leads, opportunities and accounts, "my activities" and
 * the activities sections of record pages.
 */
package com.nexo.crm.activities;
