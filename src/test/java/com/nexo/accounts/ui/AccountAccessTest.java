package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountService;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountAccessTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @Test
    void a_user_without_accounts_permissions_is_refused_the_list_and_the_detail_and_has_no_menu_entry() {
        login("admin@demo.nexo");
        UUID id = AccountUiFixtures.create(accounts, "Reservada " + AccountUiFixtures.word());
        String email = AccountUiFixtures.employeeWith(users, roles, "users.read");

        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("accounts");

        // Vaadin's access check answers with the not-found page in a browser (the page's existence is
        // not given away); Karibu's stand-in for that page throws instead.
        assertThatThrownBy(() -> UI.getCurrent().navigate(AccountListView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(id)))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        _assertNone(AccountListView.class);
        _assertNone(AccountDetailView.class);
    }

    @Test
    void sales_staff_find_accounts_in_the_menu() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("accounts");
    }
}
