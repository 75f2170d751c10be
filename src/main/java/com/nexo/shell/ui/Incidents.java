package com.nexo.shell.ui;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short incident numbers that tie what a user was told to the full error in the log. */
final class Incidents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {}

    static String newId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
