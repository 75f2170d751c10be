package com.nexo.cms.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an uploaded file is, from its first bytes and its name together: an image (png, jpeg, webp,
 * gif) or an allowed file (pdf, text, csv, OpenDocument, Office, zip). A name that says one thing
 * while the bytes say another is refused, and so is everything else (HTML, SVG, scripts, programs).
 */
final class FileTypes {

    /** How many leading bytes are looked at. */
    static final int HEAD = 512;

    record FileType(String contentType, boolean image) {}

    private static final Map<String, FileType> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", new FileType("image/png", true)),
            Map.entry("jpg", new FileType("image/jpeg", true)),
            Map.entry("jpeg", new FileType("image/jpeg", true)),
            Map.entry("webp", new FileType("image/webp", true)),
            Map.entry("gif", new FileType("image/gif", true)),
            Map.entry("pdf", new FileType("application/pdf", false)),
            Map.entry("txt", new FileType("text/plain", false)),
            Map.entry("csv", new FileType("text/csv", false)),
            Map.entry("odt", new FileType("application/vnd.oasis.opendocument.text", false)),
            Map.entry("ods", new FileType("application/vnd.oasis.opendocument.spreadsheet", false)),
            Map.entry("odp", new FileType("application/vnd.oasis.opendocument.presentation", false)),
            Map.entry(
                    "docx",
                    new FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)),
            Map.entry("xlsx", new FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)),
            Map.entry(
                    "pptx",
                    new FileType("application/vnd.openxmlformats-officedocument.presentationml.presentation", false)),
            Map.entry("zip", new FileType("application/zip", false)));

    private FileTypes() {}

    /** The leading bytes of a stream that must be marked ({@code mark(HEAD)}) so that they can be read again. */
    static byte[] head(InputStream content) throws IOException {
        content.mark(HEAD);
        byte[] head = content.readNBytes(HEAD);
        content.reset();
        return head;
    }

    /** The type of a file with this name and these leading bytes, or empty when it is not allowed. */
    static Optional<FileType> detect(String name, byte[] head) {
        String extension = extension(name);
        FileType type = BY_EXTENSION.get(extension);
        if (type == null || !matches(extension, head)) {
            return Optional.empty();
        }
        return Optional.of(type);
    }

    private static boolean matches(String extension, byte[] head) {
        return switch (extension) {
            case "png" -> starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "jpg", "jpeg" -> starts(head, 0xFF, 0xD8, 0xFF);
            case "gif" -> startsWith(head, "GIF87a") || startsWith(head, "GIF89a");
            case "webp" ->
                startsWith(head, "RIFF")
                        && head.length >= 12
                        && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
            case "pdf" -> startsWith(head, "%PDF-");
            case "odt", "ods", "odp", "docx", "xlsx", "pptx", "zip" ->
                starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6);
            case "txt", "csv" -> plainText(head);
            default -> false;
        };
    }

    /** Text: no NUL bytes and nothing a browser would take for markup. */
    private static boolean plainText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        String start = new String(head, StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return !(start.startsWith("<!doctype")
                || start.startsWith("<html")
                || start.startsWith("<script")
                || start.startsWith("<svg")
                || start.startsWith("<?xml"));
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean startsWith(byte[] head, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return head.length >= expected.length && Arrays.equals(head, 0, expected.length, expected, 0, expected.length);
    }

    private static boolean starts(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
