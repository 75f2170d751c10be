package com.nexo.security.login;

import com.nexo.security.NexoUser;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with throttling and an audit trail.
 *
 * <p>The password is checked before the account's state, so a wrong password gets the same answer
 * whether the account exists, is disabled or belongs to a suspended tenant; only someone who knows
 * the password learns that the account is disabled. Every attempt is recorded as a security event.
 */
public class HardenedAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SecurityEventLog events;

    HardenedAuthenticationProvider(
            DaoAuthenticationProvider passwords, LoginThrottle throttle, SecurityEventLog events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        // Account state is checked after the password (see the class comment).
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
    }

    /**
     * The longest e-mail address there can be (RFC 5321). What the login form sends is cut to this
     * before it is counted, stored or logged: the form's field has no limit of its own.
     */
    static final int MAX_EMAIL_LENGTH = 254;

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = forRecords(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        int wait = throttle.waitSeconds(email, address);
        if (wait > 0) {
            events.recordLogin(SecurityEventType.LOGIN_FAILED, email, address, null, "locked");
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            NexoUser user = (NexoUser) result.getPrincipal();
            throttle.succeeded(email, user.userId());
            events.recordLogin(SecurityEventType.LOGIN_SUCCEEDED, email, address, null, null);
            return result;
        } catch (DisabledException e) {
            events.recordLogin(SecurityEventType.LOGIN_FAILED, email, address, null, "disabled");
            throw e;
        } catch (BadCredentialsException e) {
            // Wrong password or unknown e-mail (the password provider hides which). Anything else,
            // such as a look-up that failed (InternalAuthenticationServiceException), is the server's
            // fault: it propagates, and is neither counted against the account nor shown as a wrong password.
            int lockSeconds = throttle.failed(email, address);
            events.recordLogin(SecurityEventType.LOGIN_FAILED, email, address, null, "bad-credentials");
            if (lockSeconds > 0) {
                events.recordLogin(SecurityEventType.LOCKED_OUT, email, address, null, lockSeconds + "s");
                throw new LoginThrottledException(lockSeconds);
            }
            throw new BadCredentialsException("Bad credentials");
        }
    }

    /** The e-mail as typed, cut to length and without control characters (no forged log lines). */
    public static String forRecords(String email) {
        String stripped = email == null ? "" : email.strip();
        String cut = stripped.length() > MAX_EMAIL_LENGTH ? stripped.substring(0, MAX_EMAIL_LENGTH) : stripped;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
