package com.nexo.security.ui;

import com.nexo.security.AccessRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Comparator;
import java.util.Map;

/**
 * What the administration screens tell the user after an action. A broken rule of identity and
 * access ({@link AccessRuleException}) is shown in the user's language next to the field it is about
 * when there is one, else as a notification; never the exception itself.
 */
final class Feedback {

    private Feedback() {}

    static String message(Component context, AccessRuleException error) {
        return context.getTranslation(error.messageKey(), error.arguments());
    }

    /**
     * Marks the field whose key prefix starts the error's message key ({@code "password.error."} for
     * {@code password.error.too-short}; the longest prefix wins); without one, notifies.
     */
    static void show(Component context, AccessRuleException error, Map<String, HasValidation> fieldsByKeyPrefix) {
        fieldsByKeyPrefix.entrySet().stream()
                .filter(entry -> error.messageKey().startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .ifPresentOrElse(
                        field -> {
                            field.setErrorMessage(message(context, error));
                            field.setInvalid(true);
                        },
                        () -> notify(context, error));
    }

    static void notify(Component context, AccessRuleException error) {
        error(message(context, error));
    }

    static void error(String text) {
        Notification notification = new Notification(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    static void clear(HasValidation... fields) {
        for (HasValidation field : fields) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    static void success(String text) {
        Notification notification = new Notification(text, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }
}
