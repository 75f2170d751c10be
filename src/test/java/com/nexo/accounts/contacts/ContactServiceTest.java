package com.nexo.accounts.contacts;

import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static com.nexo.accounts.AccountFixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An account's contacts on the real database, as a real user of the demo tenant. */
@NexoSpringTest
class ContactServiceTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private UserDetailsService userDetailsService;

    /** Makes names of this test unique, since all tests share one database. */
    private String tag;

    @BeforeEach
    void aFreshTag() {
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void an_account_has_at_most_one_primary_contact() {
        UUID id = as(SALES, () -> accounts.create(company("Contactos " + tag)));
        UUID first = as(SALES, () -> contactService.addContact(id, contact("Ana Uno", false)));
        UUID second = as(SALES, () -> contactService.addContact(id, contact("Berta Dos", true)));
        UUID third = as(SALES, () -> contactService.addContact(id, contact("Carla Tres", false)));

        assertThat(as(SALES, () -> contactService.contacts(id)))
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::id)
                .containsExactly(second);

        as(SALES, () -> {
            contactService.makePrimary(third);
            return null;
        });
        assertThat(as(SALES, () -> contactService.contacts(id)))
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::id)
                .containsExactly(third);
        assertThat(first).isNotNull();
    }
}
