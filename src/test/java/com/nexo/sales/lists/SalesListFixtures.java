package com.nexo.sales.lists;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Clients and documents made through the services for one test, as the demo tenant's sales employee. */
public final class SalesListFixtures {

    /** The demo tenant's sales employee: every sales permission, reserves and issues stock. */
    public static final String SALES = AccountFixtures.SALES;

    /** The demo tenant's read-only employee. */
    public static final String READ_ONLY = AccountFixtures.READ_ONLY;

    private final UserDetailsService users;
    private final AccountService accounts;
    private final SalesDocumentService documents;
    /** Tells this test's rows apart from other tests' and other runs'. */
    public final String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);

    public SalesListFixtures(UserDetailsService users, AccountService accounts, SalesDocumentService documents) {
        this.users = users;
        this.accounts = accounts;
        this.documents = documents;
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T asSales(Supplier<T> work) {
        return as(SALES, work);
    }

    /** A new client whose name carries the test's tag. */
    public UUID client(String name) {
        return asSales(() -> accounts.create(AccountFixtures.company(name + " " + tag)));
    }

    /** A draft of {@code kind} for {@code client} dated {@code date}, with the given lines. */
    public UUID draft(DocumentKind kind, UUID client, LocalDate date, List<LineForm> lines) {
        return asSales(() -> {
            DocumentForm form = documents.newForm(kind, client);
            form.setDocumentDate(date);
            if (kind == DocumentKind.QUOTE) {
                form.setValidUntil(date.plusDays(30));
            }
            form.setLines(lines);
            return documents.save(form);
        });
    }

    /** A line of free text (no article): {@code quantity} at {@code price}, 21 % VAT. */
    public static LineForm line(String description, String quantity, String price) {
        LineForm line = new LineForm();
        line.setDescription(description);
        line.setQuantity(new BigDecimal(quantity));
        line.setUnitPrice(new BigDecimal(price));
        line.setVatPercent(new BigDecimal("21"));
        return line;
    }

    /** A line of an article, as the editor makes it (code, description, price from the catalogue). */
    public LineForm articleLine(UUID articleId, String quantity) {
        return asSales(() -> documents.lineFor(articleId, new BigDecimal(quantity), Locale.of("es")));
    }
}
