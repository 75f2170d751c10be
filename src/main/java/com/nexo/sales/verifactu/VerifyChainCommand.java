package com.nexo.sales.verifactu;

import com.nexo.base.paging.Page;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantList;
import com.nexo.tenancy.TenantList.TenantQuery;
import com.nexo.tenancy.TenantService.TenantRow;
import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command that checks one tenant's chain of invoice records, for operators and scheduled audits:
 * start the application with {@code --nexo.sales.verify-chain=<tenant code>} (see the README). It
 * prints how many records it checked and the first broken link, if any, then stops the application
 * with exit status 0 when the chain holds, 1 when it is broken and 2 when the tenant is unknown.
 */
@Component
@Order(100)
@ConditionalOnProperty("nexo.sales.verify-chain")
class VerifyChainCommand implements ApplicationRunner {

    static final int BROKEN = 1;
    static final int UNKNOWN_TENANT = 2;

    private final String tenantCode;
    private final TenantList tenants;
    private final ChainVerification verification;
    private final ConfigurableApplicationContext context;
    private final PrintStream out;

    VerifyChainCommand(
            @Value("${nexo.sales.verify-chain}") String tenantCode,
            TenantList tenants,
            ChainVerification verification,
            ConfigurableApplicationContext context) {
        this.tenantCode = tenantCode.strip();
        this.tenants = tenants;
        this.verification = verification;
        this.context = context;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = verify();
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Checks the chain, prints the result and returns the exit status. */
    int verify() {
        // The operator sees the tenant registry; the check itself runs as system work of the tenant.
        Page<TenantRow> found =
                TenantContext.callAsOperator(null, () -> tenants.page(new TenantQuery(tenantCode, null), null, 100));
        TenantRow tenant = found.rows().stream()
                .filter(row -> row.code().equals(tenantCode))
                .findFirst()
                .orElse(null);
        if (tenant == null) {
            out.println("Invoice records chain: no tenant with code " + tenantCode);
            return UNKNOWN_TENANT;
        }
        ChainVerification.Result result = TenantContext.callAsSystem(tenant.id(), null, verification::verify);
        if (result.ok()) {
            out.println("Invoice records chain of " + tenantCode + ": OK, " + result.checked() + " records checked");
            return 0;
        }
        ChainVerification.Break broken = result.broken().orElseThrow();
        out.println("Invoice records chain of " + tenantCode + ": BROKEN at record " + broken.sequence()
                + " (invoice " + broken.invoiceNumber() + "): "
                + broken.problem().description()
                + "; expected " + broken.expected() + ", found " + broken.found() + " (" + result.checked()
                + " records checked)");
        return BROKEN;
    }
}
