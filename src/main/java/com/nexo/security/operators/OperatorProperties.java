package com.nexo.security.operators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nexo.operator.*}: the installation's first platform operator, created at start-up when there
 * is none ({@code NEXO_OPERATOR_EMAIL}, {@code NEXO_OPERATOR_PASSWORD}). Without a password no operator
 * is created, except with demo data on, where the demo password serves.
 */
@ConfigurationProperties("nexo.operator")
public record OperatorProperties(
        String email,
        String password,
        @DefaultValue("NEXO operator") String name) {}
