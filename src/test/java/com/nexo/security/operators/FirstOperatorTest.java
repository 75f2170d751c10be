package com.nexo.security.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.NexoUser;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first operator at start-up: created once, and no password hashed on the starts after. */
class FirstOperatorTest {

    private static final String EMAIL = "operador@nexo.local";
    private static final String PASSWORD = "Una-Clave-Larga-2026!";

    @Test
    void a_start_after_the_first_hashes_no_password() {
        Operators operators = new Operators(true);
        CountingEncoder encoder = new CountingEncoder();

        firstOperator(operators, encoder).run(null);

        assertThat(encoder.encoded.get()).isZero();
        assertThat(operators.createCalls.get()).isZero();
    }

    @Test
    void the_first_start_hashes_the_password_and_creates_the_operator() {
        Operators operators = new Operators(false);
        CountingEncoder encoder = new CountingEncoder();

        firstOperator(operators, encoder).run(null);

        assertThat(encoder.encoded.get()).isEqualTo(1);
        assertThat(operators.createCalls.get()).isEqualTo(1);
    }

    private static FirstOperator firstOperator(PlatformOperators operators, PasswordEncoder encoder) {
        return new FirstOperator(new OperatorProperties(EMAIL, PASSWORD, "Operador"), operators, encoder, false, "");
    }

    /** The operators' rows as the two cases need them, without a database. */
    private static final class Operators extends PlatformOperators {

        private final boolean exists;
        private final AtomicInteger createCalls = new AtomicInteger();

        Operators(boolean exists) {
            super(null);
            this.exists = exists;
        }

        @Override
        public Optional<NexoUser> findForLogin(String email) {
            return exists
                    ? Optional.of(NexoUser.operator(UUID.randomUUID(), email, "Operador", true, Locale.ROOT, "{noop}x"))
                    : Optional.empty();
        }

        @Override
        boolean createFirst(String email, String displayName, String passwordHash) {
            createCalls.incrementAndGet();
            return true;
        }
    }

    private static final class CountingEncoder implements PasswordEncoder {

        private final AtomicInteger encoded = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            encoded.incrementAndGet();
            return "{noop}" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encodedPassword.equals("{noop}" + rawPassword);
        }
    }
}
