package com.nexo.imports.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a CSV file record by record, as a stream: only the record being read is held, so a file of
 * millions of rows takes no more memory than one of ten, and the millionth row costs what the first did.
 *
 * <p>What it reads: cells separated by the settings' separator; a cell in double quotes may hold the
 * separator, line breaks and doubled quotes ({@code ""} for one {@code "}); text after a closing quote
 * and quotes inside an unquoted cell are kept as written, as spreadsheets do. Lines with nothing on
 * them are skipped, a UTF-8 byte order mark is skipped, cells are not trimmed (the {@link ValueParser}
 * does that) and empty cells are {@code ""}. The first record is the header; nothing here treats it
 * apart.
 *
 * <p>A quoted cell that never closes, or a record longer than {@value #MAX_RECORD_CHARS} characters,
 * makes {@link #next()} throw a {@link CsvFormatException} with the line where the record starts;
 * reading ends there.
 */
public final class CsvRows implements Iterator<CsvRecord>, Closeable {

    /**
     * No row of a spreadsheet is this long; a record that is has almost always swallowed the rest of the
     * file after a stray quote. The limit keeps such a file from being read into memory whole.
     */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private static final int END = -1;

    private final Reader reader;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder cell = new StringBuilder();
    private int position;
    private int limit;
    private boolean endOfInput;

    /** The physical line of the next character to read. */
    private long line = 1;

    private long recordLine;
    private int recordChars;
    private int lastCellCount = 8;

    private CsvRecord next;
    private CsvFormatException failure;
    private boolean finished;

    private CsvRows(Reader reader, char separator) {
        this.reader = reader;
        this.separator = separator;
    }

    /** Reads {@code in} with the settings' charset and separator; closing the rows closes {@code in}. */
    public static CsvRows open(InputStream in, ImportSettings settings) {
        try {
            return new CsvRows(
                    new InputStreamReader(withoutByteOrderMark(in), settings.charset()), settings.separator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
        bytes.mark(3);
        byte[] head = bytes.readNBytes(3);
        boolean byteOrderMark =
                head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        if (!byteOrderMark) {
            bytes.reset();
        }
        return bytes;
    }

    @Override
    public boolean hasNext() {
        if (next != null || failure != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            next = readRecord();
        } catch (CsvFormatException e) {
            failure = e;
            finished = true;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished = next == null;
        return next != null;
    }

    @Override
    public CsvRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (failure != null) {
            CsvFormatException thrown = failure;
            failure = null;
            throw thrown;
        }
        CsvRecord record = next;
        next = null;
        return record;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        next = null;
        reader.close();
    }

    private CsvRecord readRecord() throws IOException {
        if (skipEmptyLines() == END) {
            return null;
        }
        recordLine = line;
        recordChars = 0;
        List<String> cells = new ArrayList<>(lastCellCount);
        while (true) {
            if (peek() == '"') {
                position++;
                cells.add(quotedCell());
            } else {
                cells.add(plainCell());
            }
            int after = peek();
            if (after == separator) {
                position++;
            } else {
                if (after != END) {
                    consumeLineBreak();
                }
                break;
            }
        }
        lastCellCount = cells.size();
        return new CsvRecord(recordLine, cells);
    }

    /** Skips line breaks; answers the first character of the next record (not consumed) or END. */
    private int skipEmptyLines() throws IOException {
        while (true) {
            int c = peek();
            if (c != '\n' && c != '\r') {
                return c;
            }
            consumeLineBreak();
        }
    }

    /** Up to the separator, a line break or the end; most cells are taken straight from the buffer. */
    private String plainCell() throws IOException {
        cell.setLength(0);
        while (true) {
            char[] chars = buffer;
            int from = position;
            int to = from;
            int end = limit;
            char stop = separator;
            while (to < end) {
                char c = chars[to];
                if (c == stop || c == '\n' || c == '\r') {
                    break;
                }
                to++;
            }
            count(to - from, false);
            position = to;
            if (to < end) {
                if (cell.isEmpty()) {
                    return to == from ? "" : new String(chars, from, to - from);
                }
                return cell.append(chars, from, to - from).toString();
            }
            cell.append(chars, from, to - from);
            if (!fill()) {
                return cell.toString();
            }
        }
    }

    /** After the opening quote: up to the closing one, then whatever follows it up to the separator. */
    private String quotedCell() throws IOException {
        cell.setLength(0);
        while (true) {
            if (position >= limit && !fill()) {
                throw new CsvFormatException(recordLine, "imports.refusal.quotes");
            }
            char[] chars = buffer;
            int from = position;
            int to = from;
            int end = limit;
            while (to < end) {
                char c = chars[to];
                if (c == '"' || c == '\n' || c == '\r') {
                    break;
                }
                to++;
            }
            count(to - from, true);
            cell.append(chars, from, to - from);
            position = to;
            if (to == end) {
                continue;
            }
            char c = chars[to];
            position++;
            count(1, true);
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                position++;
                cell.append('"');
            } else {
                // A line break inside the quotes belongs to the cell, as written; \r\n is one line.
                cell.append(c);
                line++;
                if (c == '\r' && peek() == '\n') {
                    position++;
                    cell.append('\n');
                }
            }
        }
        String quoted = cell.toString();
        String after = plainCell();
        return after.isEmpty() ? quoted : quoted + after;
    }

    /** Counts the record's characters; past the limit inside quotes, the quote is the likely fault. */
    private void count(int chars, boolean quoted) {
        recordChars += chars;
        if (recordChars > MAX_RECORD_CHARS) {
            throw quoted
                    ? new CsvFormatException(recordLine, "imports.refusal.quotes")
                    : new CsvFormatException(recordLine, "imports.refusal.line-too-long", MAX_RECORD_CHARS);
        }
    }

    /** At a {@code \r} or {@code \n}: consumes it ({@code \r\n} together) as one line break. */
    private void consumeLineBreak() throws IOException {
        char c = buffer[position++];
        line++;
        if (c == '\r' && peek() == '\n') {
            position++;
        }
    }

    private int peek() throws IOException {
        if (position < limit || fill()) {
            return buffer[position];
        }
        return END;
    }

    /** Refills the buffer once it has been read to its end; false at the end of the input. */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read;
        do {
            read = reader.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
