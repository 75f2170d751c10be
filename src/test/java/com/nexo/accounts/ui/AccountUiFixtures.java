package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts and users for the accounts screens' tests: unique on every run, so tests never collide. */
final class AccountUiFixtures {

    static final String PASSWORD = "Prueba-2026!";

    private AccountUiFixtures() {}

    /** A short random word of letters only, so it survives the search's normalisation. */
    static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static AccountForm form(String legalName, AccountRole... roles) {
        AccountForm form = new AccountForm();
        form.setLegalName(legalName);
        form.setRoles(roles.length == 0 ? EnumSet.of(AccountRole.CLIENT) : EnumSet.of(roles[0], roles));
        form.setCountry("ES");
        form.setCurrency("EUR");
        return form;
    }

    /** Creates an account as the logged-in user and returns its id. */
    static UUID create(AccountService accounts, String legalName, AccountRole... roles) {
        return accounts.create(form(legalName, roles));
    }

    static UUID create(AccountService accounts, AccountForm form) {
        return accounts.create(form);
    }

    /**
     * A valid Spanish NIF made of {@code number} (8 digits) and its control letter, so tests can
     * make tax ids no other test uses.
     */
    static String nif(int number) {
        String digits = String.format("%08d", number);
        return digits + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23);
    }

    static String uniqueNif() {
        return nif(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    /** An employee whose only role grants {@code permissions} (none: no access to accounts at all). */
    static String employeeWith(UserService users, RoleService roles, String... permissions) {
        String code = "acc-" + word();
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of(permissions)));
        String email = code + "@demo.nexo";
        users.createUser(new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), PASSWORD, null));
        return email;
    }

    /** An employee with a predefined role who reads NEXO in English. */
    static String employeeInEnglish(UserService users, RoleService roles, String roleCode) {
        String email = "en-" + word() + "@demo.nexo";
        users.createUser(
                new NewUser(email, "English " + word(), ActorType.EMPLOYEE, null, Set.of(roleCode), PASSWORD, "en"));
        return email;
    }

    static List<String> names(List<com.nexo.accounts.search.AccountRow> rows) {
        return rows.stream().map(com.nexo.accounts.search.AccountRow::legalName).toList();
    }
}
