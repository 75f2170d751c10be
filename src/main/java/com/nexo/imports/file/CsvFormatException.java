package com.nexo.imports.file;

import java.util.List;

/**
 * The file cannot be read on from a line: a quoted text that never closes, or a row too long to be a
 * row of a spreadsheet. The reader stops there; the user reads the message key with the line number.
 */
public class CsvFormatException extends RuntimeException {

    private final long line;
    private final String messageKey;
    private final List<String> args;

    public CsvFormatException(long line, String messageKey, Object... args) {
        super(messageKey + " (line " + line + ")");
        this.line = line;
        this.messageKey = messageKey;
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    /** The physical line (1-based) where the record at fault starts. */
    public long line() {
        return line;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments, as text. */
    public List<String> args() {
        return args;
    }
}
