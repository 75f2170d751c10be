package com.nexo.security.sso;

import org.springframework.security.core.AuthenticationException;

/**
 * Single sign-on worked at the provider but does not log anyone into NEXO: the e-mail is not
 * verified, no user has it (and the tenant creates none), or the provider's answer was not valid. The
 * login page says the same for each, so nobody learns from it whether an account exists.
 */
public class SingleSignOnRefusedException extends AuthenticationException {

    SingleSignOnRefusedException(String reason) {
        super(reason);
    }

    SingleSignOnRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
