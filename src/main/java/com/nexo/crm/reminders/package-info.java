/** Activity reminders: a schedule that notifies assignees when an activity's reminder is due. */
package com.nexo.crm.reminders;
