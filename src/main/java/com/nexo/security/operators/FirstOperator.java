package com.nexo.security.operators;

import com.nexo.security.AccessRuleException;
import com.nexo.security.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the installation's first platform operator from configuration when there is none. The
 * password never comes from the code: it is {@code nexo.operator.password}, or, only while demo data
 * is on, the demo password. Without either, the start-up log says how to create one.
 */
@Component
@Order(-10)
class FirstOperator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstOperator.class);

    private final OperatorProperties properties;
    private final PlatformOperators operators;
    private final PasswordEncoder passwordEncoder;
    private final boolean demo;
    private final String demoPassword;

    FirstOperator(
            OperatorProperties properties,
            PlatformOperators operators,
            PasswordEncoder passwordEncoder,
            @Value("${nexo.demo.enabled:false}") boolean demo,
            @Value("${nexo.demo.password:}") String demoPassword) {
        this.properties = properties;
        this.operators = operators;
        this.passwordEncoder = passwordEncoder;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.email() == null ? "" : properties.email().strip();
        String password = properties.password();
        if (password == null || password.isEmpty()) {
            password = demo ? demoPassword : "";
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No platform operator configured (NEXO_OPERATOR_EMAIL, NEXO_OPERATOR_PASSWORD);"
                    + " an existing one is kept, and none is created");
            return;
        }
        try {
            PasswordPolicy.check(password, email);
        } catch (AccessRuleException e) {
            throw new IllegalStateException(
                    "NEXO_OPERATOR_PASSWORD does not meet the password policy (" + e.messageKey() + ")");
        }
        if (operators.findForLogin(email).isPresent()) {
            // The usual case after the first start: nothing to create, so no password hash either
            // (hashing costs a tenth of a second of CPU on this machine, more on a Raspberry Pi).
            return;
        }
        try {
            if (operators.createFirst(email, properties.name(), passwordEncoder.encode(password))) {
                LOG.info("Created the first platform operator {}", email);
            }
        } catch (DataIntegrityViolationException e) {
            throw new IllegalStateException(
                    "NEXO_OPERATOR_EMAIL " + email + " is already the login of a tenant user; choose another", e);
        }
    }
}
