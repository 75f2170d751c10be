/**
 * In-app notifications of every module: {@link com.nexo.base.notifications.NotificationService} tells a
 * user something (stored per user under row-level security, mailed too when the user wants), and the
 * bell in the back office's header ({@code ui.NotificationBell}) shows the unread count and the latest.
 */
package com.nexo.base.notifications;
