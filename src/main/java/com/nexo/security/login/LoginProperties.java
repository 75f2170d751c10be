package com.nexo.security.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nexo.login.*}: how many failures lock an account or a client address, within which window,
 * and for how long (doubling on each lock-out, up to the maximum); and after how long a quiet account
 * or address is forgotten.
 */
@ConfigurationProperties("nexo.login")
public record LoginProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("30") int addressFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1m") Duration lockout,
        @DefaultValue("30m") Duration maxLockout,
        @DefaultValue("24h") Duration forgetAfter) {}
