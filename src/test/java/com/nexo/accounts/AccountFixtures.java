package com.nexo.accounts;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.contacts.ContactForm;
import java.util.EnumSet;

/** Users and forms the accounts module's tests share. */
public final class AccountFixtures {

    /** A demo employee with the sales role: may read, create, edit, merge and export accounts. */
    public static final String SALES = "ventas@demo.nexo";

    /** A demo employee with the read-only role. */
    public static final String READ_ONLY = "consulta@demo.nexo";

    private AccountFixtures() {}

    /** A client company with only a legal name. */
    public static AccountForm company(String name) {
        AccountForm form = new AccountForm();
        form.setLegalName(name);
        form.setRoles(EnumSet.of(AccountRole.CLIENT));
        return form;
    }

    public static ContactForm contact(String name, boolean primary) {
        ContactForm form = new ContactForm();
        form.setName(name);
        form.setPrimary(primary);
        return form;
    }
}
