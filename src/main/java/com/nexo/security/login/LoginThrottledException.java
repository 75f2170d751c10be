package com.nexo.security.login;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this account or address: try again after {@link #waitSeconds()}. */
public class LoginThrottledException extends AuthenticationException {

    private final int waitSeconds;

    public LoginThrottledException(int waitSeconds) {
        super("Too many failed logins; wait " + waitSeconds + " s");
        this.waitSeconds = waitSeconds;
    }

    public int waitSeconds() {
        return waitSeconds;
    }

    /** Whole minutes to wait, rounded up, as the login page says it. */
    public int waitMinutes() {
        return Math.max(1, (waitSeconds + 59) / 60);
    }
}
