package com.nexo.security.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.events.SecurityEventList.EventQuery;
import com.nexo.security.events.SecurityEventList.SecurityEvent;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The security log read by key, newest first, as the demo tenant's administrator. */
@NexoSpringTest
class SecurityEventListTest {

    private static final String ADMIN = "admin@demo.nexo";

    @Autowired
    private SecurityEventList events;

    @Autowired
    private UserDetailsService userDetailsService;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void pages_of_two_give_the_newest_events_once_each_newest_first() {
        // The demo seeding created the tenant's users, so the log is never empty here.
        EventQuery query = new EventQuery(null, null);
        List<SecurityEvent> firstTen =
                as(ADMIN, () -> events.page(query, null, 10)).rows();
        List<SecurityEvent> byTwo = new ArrayList<>();
        PageCursor after = null;
        while (byTwo.size() < firstTen.size()) {
            PageCursor from = after;
            Page<SecurityEvent> page = as(ADMIN, () -> events.page(query, from, 2));
            byTwo.addAll(page.rows());
            after = page.next();
            if (after == null) {
                break;
            }
        }

        assertThat(firstTen).isNotEmpty();
        assertThat(byTwo.subList(0, firstTen.size())).containsExactlyElementsOf(firstTen);
        assertThat(firstTen)
                .isSortedAccordingTo(
                        Comparator.comparing(SecurityEvent::occurredAt).reversed());
    }

    @Test
    void a_type_filter_keeps_that_type_only_and_the_count_is_exact_below_the_limit() {
        EventQuery query = new EventQuery(SecurityEventType.USER_CREATED, null);

        List<SecurityEvent> found =
                as(ADMIN, () -> events.page(query, null, 1000)).rows();

        assertThat(found).isNotEmpty().extracting(SecurityEvent::type).containsOnly(SecurityEventType.USER_CREATED);
        var count = as(ADMIN, () -> events.count(query));
        if (count.exact()) {
            assertThat(count.value()).isEqualTo(found.size());
        }
    }
}
