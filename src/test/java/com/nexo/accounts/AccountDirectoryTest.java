package com.nexo.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What other modules may know about accounts, read as real users of the demo tenants (RLS applies). */
@NexoSpringTest
class AccountDirectoryTest {

    @Autowired
    private AccountDirectory directory;

    @Autowired
    private UserDetailsService userDetailsService;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void an_account_is_a_supplier_when_it_has_the_supplier_role() {
        assertThat(as(AccountFixtures.SALES, () -> directory.isSupplier(DemoTenant.SUPPLIER_PARTY)))
                .isTrue();
        assertThat(as(AccountFixtures.SALES, () -> directory.isSupplier(DemoTenant.CLIENT_PARTY)))
                .isFalse();
        assertThat(as(AccountFixtures.SALES, () -> directory.isSupplier(UUID.randomUUID())))
                .isFalse();
        assertThat(as(AccountFixtures.SALES, () -> directory.isSupplier(null))).isFalse();
    }

    @Test
    void names_are_looked_up_by_id_and_suppliers_by_what_the_user_types() {
        UUID unknown = UUID.randomUUID();

        assertThat(as(
                        AccountFixtures.SALES,
                        () -> directory.namesOf(List.of(DemoTenant.SUPPLIER_PARTY, DemoTenant.CLIENT_PARTY, unknown))))
                .containsOnlyKeys(DemoTenant.SUPPLIER_PARTY, DemoTenant.CLIENT_PARTY)
                .containsEntry(DemoTenant.SUPPLIER_PARTY, "Aceros del Norte, S.A.");
        assertThat(as(AccountFixtures.SALES, () -> directory.suppliersMatching("aceros norte", 5)))
                .extracting(AccountDirectory.AccountName::id)
                .startsWith(DemoTenant.SUPPLIER_PARTY)
                .doesNotContain(DemoTenant.CLIENT_PARTY);
    }

    @Test
    void another_tenant_learns_nothing_about_these_accounts() {
        assertThat(as("admin@northwind.nexo", () -> directory.isSupplier(DemoTenant.SUPPLIER_PARTY)))
                .isFalse();
        assertThat(as("admin@northwind.nexo", () -> directory.namesOf(List.of(DemoTenant.SUPPLIER_PARTY))))
                .isEmpty();
        assertThat(as("admin@northwind.nexo", () -> directory.suppliersMatching("aceros", 5)))
                .isEmpty();
    }
}
