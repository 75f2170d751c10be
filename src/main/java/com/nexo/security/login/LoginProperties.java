package com.nexo.security.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nexo.login.*}: how many failures lock an account or a client address, within which window,
 * and for how long (doubling on each lock-out, up to the maximum); and after how long a quiet account
 * or address is forgotten. {@code password-hash-strength} is bcrypt's cost for newly set passwords
 * (log2 of its rounds; 10 by default, each step doubles the time a login takes). Stored hashes keep the
 * cost they were made with, so changing it needs no reset.
 */
@ConfigurationProperties("nexo.login")
public record LoginProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("30") int addressFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("1m") Duration lockout,
        @DefaultValue("30m") Duration maxLockout,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("10") int passwordHashStrength) {}
