package com.nexo.cms.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Small real PDF documents for the demo library (PDFBox): a title and paragraphs of text, wrapped to
 * an A4 page and continued on further pages, so that the library's text extraction and the search
 * find their words.
 */
final class DemoPdf {

    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 18;
    private static final float TEXT_SIZE = 11;
    private static final float LEADING = 15;

    private DemoPdf() {}

    /** A PDF with {@code title} and {@code paragraphs}. */
    static byte[] of(String title, List<String> paragraphs) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Talleres Nexo Demo");
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            for (String paragraph : paragraphs) {
                lines.addAll(wrap(paragraph, regular, width));
                lines.add("");
            }
            int at = 0;
            boolean first = true;
            while (first || at < lines.size()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    content.beginText();
                    content.newLineAtOffset(MARGIN, y);
                    if (first) {
                        content.setFont(bold, TITLE_SIZE);
                        content.showText(title);
                        content.newLineAtOffset(0, -2 * LEADING);
                        y -= 2 * LEADING;
                        first = false;
                    }
                    content.setFont(regular, TEXT_SIZE);
                    while (at < lines.size() && y > MARGIN) {
                        content.showText(lines.get(at++));
                        content.newLineAtOffset(0, -LEADING);
                        y -= LEADING;
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * TEXT_SIZE > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
