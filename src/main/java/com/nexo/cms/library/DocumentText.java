package com.nexo.cms.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of an uploaded document for the search: a PDF's text (PDFBox), a plain-text or CSV file read
 * as UTF-8; at most {@link #MAX_CHARS} characters. A file whose text cannot be read (an encrypted or
 * broken PDF) has none: the upload never fails for it.
 */
final class DocumentText {

    /** What {@code cms_item_text.file_text} holds at most. */
    static final int MAX_CHARS = 300_000;

    private static final Logger log = LoggerFactory.getLogger(DocumentText.class);

    private DocumentText() {}

    /** Whether the text of a file of this name and type is read for the search. */
    static boolean isPdf(String fileName, String contentType) {
        return "application/pdf".equals(type(contentType))
                || lowerName(fileName).endsWith(".pdf");
    }

    static boolean isPlainText(String fileName, String contentType) {
        String type = type(contentType);
        String name = lowerName(fileName);
        return type.equals("text/plain")
                || type.equals("text/csv")
                || name.endsWith(".txt")
                || name.endsWith(".csv")
                || name.endsWith(".md");
    }

    /**
     * The text of the file spooled at {@code file}; null when it has none to read (not a PDF or text,
     * or a PDF that cannot be opened).
     */
    static String extract(Path file, String fileName, String contentType) {
        try {
            if (isPdf(fileName, contentType)) {
                return pdfText(file);
            }
            if (isPlainText(fileName, contentType)) {
                return plainText(file);
            }
        } catch (IOException | RuntimeException e) {
            // An encrypted, damaged or odd file: stored without text, never a failed upload.
            log.info("No text read from {}: {}", fileName, e.toString());
        }
        return null;
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.isEncrypted()) {
                return null;
            }
            PDFTextStripper stripper = new PDFTextStripper();
            return clean(stripper.getText(document));
        }
    }

    private static String plainText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            int read;
            while (text.length() < MAX_CHARS && (read = reader.read(buffer)) > 0) {
                text.append(buffer, 0, Math.min(read, MAX_CHARS - text.length()));
            }
        }
        return clean(text.toString());
    }

    /** Without NUL characters (PostgreSQL text refuses them), whitespace runs collapsed, capped. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\u0000', ' ').replaceAll("\\s+", " ").strip();
        if (cleaned.length() > MAX_CHARS) {
            cleaned = cleaned.substring(0, MAX_CHARS);
            // Never cut a surrogate pair in two.
            if (Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))) {
                cleaned = cleaned.substring(0, cleaned.length() - 1);
            }
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String type(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String lowerName(String fileName) {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }
}
