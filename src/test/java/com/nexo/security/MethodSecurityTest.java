package com.nexo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.nexo.security.roles.PermissionCatalog;
import com.nexo.testing.NexoSpringTest;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Service;

/**
 * Method security, generated from the application itself: every public method of every service is
 * guarded (or open on purpose, with a reason), every permission of the catalogue is checked by some
 * service method, and each such method refuses a user who lacks it. A new service method or a new
 * permission is covered without touching this test.
 */
@NexoSpringTest
class MethodSecurityTest {

    /**
     * Public service methods without an access annotation, on purpose: {@code Class.method} to why.
     * Some are public only because the security module's sub-packages call each other; they live in
     * internal packages, which other modules cannot use (ModularityTest).
     */
    private static final Map<String, String> INTENTIONALLY_OPEN = Map.of(
            "NexoUserDetailsService.loadUserByUsername",
            "the login look-up: it runs before anyone is authenticated, for the login form",
            "NexoUserDetailsService.updatePassword",
            "called by the authentication provider during login, right after the password was verified"
                    + " and before the user is authenticated; it rewrites that user's hash only",
            "NexoUserDetailsService.findForSingleSignOn",
            "the single sign-on look-up: it runs before anyone is authenticated, once the provider has"
                    + " verified the e-mail",
            "SecurityEventLog.record",
            "writes the audit row of a change inside the caller's transaction (propagation MANDATORY);"
                    + " the calling service has checked its own permission",
            "SecurityEventLog.recordLogin",
            "writes the audit row of a login attempt, before anyone is authenticated",
            "DocumentNumbers.next",
            "takes a document number inside the issuing transaction of the caller (propagation MANDATORY);"
                    + " the issuing service has checked its own permission, and only staff may write counters",
            "SessionService.endSessionsAfterCommit",
            "called by UserService inside its guarded methods (disable, password reset, own password"
                    + " change) to end the user's sessions once the change is committed",
            "ReplenishmentOrders.allowed",
            "answers whether the current user holds purchasing.create, so that the replenishment screen"
                    + " shows its button; it reads no data (createPurchaseOrders itself is guarded)",
            "PortalInvitations.check",
            "the anonymous welcome page of a portal invitation: the one-time token in the link is the"
                    + " credential, and it answers only what that token's invitation stands for",
            "PortalInvitations.accept",
            "the anonymous welcome page sets the invited contact's password: the one-time token is the"
                    + " credential, used up by the same transaction");

    /** An employee who exists in the demo tenant; its permissions are replaced per test. */
    private static final String EMPLOYEE = "consulta@demo.nexo";

    @Autowired
    private ApplicationContext context;

    @Autowired
    private PermissionCatalog catalog;

    @Autowired
    private UserDetailsService userDetailsService;

    /**
     * A public method of a service bean, with what guards it: the roles and permissions of its
     * {@code @RolesAllowed} (the house style), or the expression of a remaining {@code @PreAuthorize}.
     */
    record ServiceMethod(Object bean, Class<?> type, Method method, String expression, Set<String> rolesAllowed) {

        boolean guarded() {
            return expression != null || rolesAllowed != null;
        }

        String name() {
            return type.getSimpleName() + "." + method.getName();
        }

        String signature() {
            return name()
                    + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName)
                            .collect(Collectors.joining(", ", "(", ")"));
        }

        boolean mentions(Permission permission) {
            if (rolesAllowed != null) {
                return rolesAllowed.contains(permission.code());
            }
            return expression != null
                    && Pattern.compile("'(ROLE_)?" + Pattern.quote(permission.code()) + "'")
                            .matcher(expression)
                            .find();
        }
    }

    @Test
    void the_scan_finds_the_services_of_identity_access_and_tenancy() {
        assertThat(serviceMethods())
                .extracting(method -> method.type().getSimpleName())
                .contains("UserService", "RoleService", "SecurityEventLog", "NexoUserDetailsService", "TenantService");
    }

    @TestFactory
    Stream<DynamicTest> every_public_service_method_says_who_may_call_it() {
        return serviceMethods().stream()
                .map(method -> DynamicTest.dynamicTest(method.signature(), () -> {
                    boolean guarded = method.guarded();
                    if (INTENTIONALLY_OPEN.containsKey(method.name())) {
                        assertThat(guarded)
                                .as(
                                        "%s is listed as open on purpose but is guarded; drop it from the list",
                                        method.name())
                                .isFalse();
                    } else {
                        assertThat(guarded)
                                .as(
                                        "%s has neither @PreAuthorize nor @RolesAllowed; guard it, or list it in"
                                                + " INTENTIONALLY_OPEN with the reason",
                                        method.signature())
                                .isTrue();
                    }
                }));
    }

    @Test
    void every_method_listed_as_open_on_purpose_exists() {
        Set<String> names = serviceMethods().stream().map(ServiceMethod::name).collect(Collectors.toSet());

        assertThat(names).containsAll(INTENTIONALLY_OPEN.keySet());
    }

    /**
     * Permissions that open no method but widen what methods return, {@code module.action} to where
     * that is checked: no service method names them, and a test of their own covers each.
     */
    private static final Map<String, String> DATA_SCOPES = Map.of(
            "crm.team",
            "CRM visibility (crm.visibility.CrmVisibility): also the records of the user's teams; "
                    + "OpportunityServiceTest, LeadServiceIntegrationTest, ActivityServiceTest",
            "crm.all",
            "CRM visibility (crm.visibility.CrmVisibility): every record of the tenant; "
                    + "OpportunityServiceTest, LeadServiceIntegrationTest, ActivityServiceTest");

    @Test
    void every_data_scope_is_a_permission_of_the_catalogue() {
        assertThat(catalog.all()).extracting(Permission::code).containsAll(DATA_SCOPES.keySet());
    }

    @TestFactory
    Stream<DynamicNode> every_permission_is_checked_by_a_service_method_that_refuses_users_without_it() {
        List<ServiceMethod> methods = serviceMethods();
        assertThat(catalog.all()).as("the permission catalogue").isNotEmpty();
        return catalog.all().stream()
                .filter(permission -> !DATA_SCOPES.containsKey(permission.code()))
                .map(permission -> {
                    List<ServiceMethod> checking = methods.stream()
                            .filter(method -> method.mentions(permission))
                            .toList();
                    List<DynamicNode> tests = new ArrayList<>();
                    tests.add(DynamicTest.dynamicTest(
                            "is checked by at least one service method",
                            () -> assertThat(checking)
                                    .as("service methods whose @RolesAllowed (or @PreAuthorize) names %s", permission)
                                    .isNotEmpty()));
                    tests.add(DynamicTest.dynamicTest(
                            "lets an employee holding only it call at least one of them",
                            () -> assertThat(checking)
                                    .as("methods whose expression grants %s on its own", permission)
                                    .anyMatch(method -> grants(method, employeeWith(Set.of(permission.code()))))));
                    for (ServiceMethod method : checking) {
                        tests.add(DynamicTest.dynamicTest(
                                "refuses an employee without any permission: " + method.signature(),
                                () -> assertRefused(method, employeeWith(Set.of()))));
                    }
                    return DynamicContainer.dynamicContainer(permission.code(), tests);
                });
    }

    @Test
    void the_employee_without_permissions_is_an_employee_and_nothing_more() {
        assertThat(employeeWith(Set.of()).getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_" + Roles.EMPLOYEE);
    }

    // --- Helpers -----------------------------------------------------------------------------

    private List<ServiceMethod> serviceMethods() {
        List<ServiceMethod> found = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("com.nexo")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class
                        || method.isBridge()
                        || method.isSynthetic()
                        || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                found.add(
                        new ServiceMethod(bean, type, method, preAuthorize(type, method), rolesAllowed(type, method)));
            }
        }
        found.sort(Comparator.comparing(ServiceMethod::signature));
        return found;
    }

    private static String preAuthorize(Class<?> type, Method method) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        PreAuthorize onClass = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
        return onClass == null ? null : onClass.value();
    }

    private static Set<String> rolesAllowed(Class<?> type, Method method) {
        RolesAllowed onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RolesAllowed.class);
        RolesAllowed found =
                onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(type, RolesAllowed.class);
        return found == null ? null : Set.of(found.value());
    }

    /** The demo employee as the login look-up finds it, holding exactly these permissions. */
    private Authentication employeeWith(Set<String> permissions) {
        NexoUser found = (NexoUser) userDetailsService.loadUserByUsername(EMPLOYEE);
        assertThat(found.actorType()).isEqualTo(com.nexo.tenancy.ActorType.EMPLOYEE);
        NexoUser user = found.withAccess(permissions, found.accessVersion());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** Calls the method through its Spring proxy with dummy arguments and expects a refusal. */
    private static void assertRefused(ServiceMethod method, Authentication user) {
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(user);
        SecurityContextHolder.setContext(securityContext);
        try {
            method.method().trySetAccessible();
            method.method().invoke(method.bean(), dummyArguments(method.method()));
            fail("%s ran for %s", method.signature(), user.getAuthorities());
        } catch (InvocationTargetException e) {
            assertThat(e.getCause())
                    .as("what %s threw for %s", method.signature(), user.getAuthorities())
                    .isInstanceOf(AccessDeniedException.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Whether the method's guard lets this user in; evaluated only, the method never runs. */
    private boolean grants(ServiceMethod method, Authentication user) {
        if (method.rolesAllowed() != null) {
            // What Spring's JSR-250 manager checks: any of the roles, as an authority with ROLE_.
            return user.getAuthorities().stream()
                    .map(Object::toString)
                    .anyMatch(authority ->
                            method.rolesAllowed().stream().anyMatch(role -> authority.equals("ROLE_" + role)));
        }
        MethodSecurityExpressionHandler handler = context.getBeanProvider(MethodSecurityExpressionHandler.class)
                .getIfUnique(DefaultMethodSecurityExpressionHandler::new);
        EvaluationContext evaluation = handler.createEvaluationContext(
                () -> user,
                new SimpleMethodInvocation(method.bean(), method.method(), dummyArguments(method.method())));
        return ExpressionUtils.evaluateAsBoolean(
                handler.getExpressionParser().parseExpression(method.expression()), evaluation);
    }

    private static Object[] dummyArguments(Method method) {
        return Arrays.stream(method.getParameterTypes())
                .map(MethodSecurityTest::dummy)
                .toArray();
    }

    private static Object dummy(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
