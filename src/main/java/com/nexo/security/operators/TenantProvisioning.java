package com.nexo.security.operators;

import com.nexo.base.Ids;
import com.nexo.security.AccessRuleException;
import com.nexo.security.Roles;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.PredefinedRole;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.tenancy.TenantService.TenantSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform operator's way to open a new tenant: the tenant row, its predefined roles and its first
 * administrator, all in one transaction (a refused administrator leaves no tenant behind).
 *
 * <p>The operator checks the code against the registry in its own context, then everything is written
 * by system work bound to the new tenant: the operator writes that tenant's first rows but never reads
 * any business row. The new user's creation is recorded in the new tenant's security log.
 */
@Service
public class TenantProvisioning {

    private final TenantService tenants;
    private final UserService users;
    private final TransactionTemplate transactions;

    TenantProvisioning(TenantService tenants, UserService users, PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates a tenant with its first administrator.
     *
     * @throws com.nexo.tenancy.TenantRuleException when the tenant's code, name or language is refused
     * @throws AccessRuleException when the administrator's e-mail, name or password is refused
     */
    @RolesAllowed(Roles.OPERATOR)
    public TenantSummary createTenant(NewTenantForm request) {
        String code = request.getCode() == null ? null : request.getCode().strip();
        tenants.checkNewTenant(code, request.getName(), request.getDefaultLocale());
        UUID tenantId = Ids.newId();
        return TenantContext.callAsSystem(
                tenantId,
                null,
                () -> transactions.execute(status -> {
                    TenantSummary created =
                            tenants.createTenant(tenantId, code, request.getName(), request.getDefaultLocale());
                    users.createUser(new NewUser(
                            request.getAdminEmail(),
                            request.getAdminName(),
                            ActorType.EMPLOYEE,
                            null,
                            Set.of(PredefinedRole.ADMINISTRATOR.code()),
                            request.getAdminPassword(),
                            request.getDefaultLocale()));
                    return created;
                }));
    }
}
