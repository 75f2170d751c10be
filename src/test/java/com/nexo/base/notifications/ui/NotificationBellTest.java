package com.nexo.base.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.notifications.Notice;
import com.nexo.base.notifications.NotificationService;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationBellTest extends KaribuTest {

    @Autowired
    private NotificationService notifications;

    @Test
    void the_bell_counts_the_unread_lists_them_and_opening_one_marks_it_read_and_goes_to_its_page() {
        CrmActivityFixtures fx = new CrmActivityFixtures(context);
        String email = fx.user("Bruno", Set.of("crm.read"));
        UUID me = fx.userId(email);
        fx.as(
                email,
                () -> notifications.notifyUser(Notice.translated(
                        me, "test.kind", "crm/activities", "crm.reminders.notice", "Llamar a Lucía")));
        fx.as(email, () -> notifications.notifyUser(Notice.plain(me, "test.kind", null, "Otra cosa")));
        login(email);

        UI.getCurrent().navigate("");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.badge.isVisible()).isTrue();
        assertThat(bell.badge.getText()).isEqualTo("2");

        _click(bell.bell);
        assertThat(_find(Div.class, spec -> spec.withClasses("notification-item")))
                .extracting(item -> item.getElement().getTextRecursively())
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).startsWith("Recordatorio: Llamar a Lucía"));
        Div reminder = _find(Div.class, spec -> spec.withClasses("notification-item")).stream()
                .filter(item -> item.getElement().getTextRecursively().startsWith("Recordatorio"))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.hasClassName("unread")).isTrue();
        _click(reminder);

        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("crm/activities");
        bell = _get(NotificationBell.class);
        assertThat(bell.badge.getText()).isEqualTo("1");

        _click(bell.bell);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withClasses("notification-mark-all")));
        assertThat(bell.badge.isVisible()).isFalse();
    }

    @Test
    void a_platform_operator_gets_no_bell() {
        login("operador@nexo.local");
        UI.getCurrent().navigate("operator/tenants");
        assertThat(_find(NotificationBell.class)).isEmpty();
    }
}
