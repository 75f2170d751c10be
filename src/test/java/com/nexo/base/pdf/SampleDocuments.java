package com.nexo.base.pdf;

import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.documents.PrintedLine;
import com.nexo.base.documents.PrintedParty;
import com.nexo.base.documents.TaxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Invoices of any length for the PDF tests and the benchmark, in Spanish or English. */
final class SampleDocuments {

    static final String NUMBER = "F2026-000123";

    private static final String[] ITEMS = {
        "Tornillo hexagonal DIN 933 M8×40 zincado (caja de 100)",
        "Chapa de acero inoxidable AISI 304, 2 mm, corte a medida",
        "Perfil de aluminio anodizado 40×40, barra de 6 m",
        "Mano de obra: soldadura TIG en taller",
        "Electrodo rutilo Ø 3,2 mm — paquete de 5 kg",
        "Disco de corte para acero 230 mm",
    };

    private SampleDocuments() {}

    /** An invoice of {@code lineCount} lines, some at 10 % and one discounted, with a QR code. */
    static PrintedDocument invoice(int lineCount, Locale locale) {
        boolean spanish = locale.getLanguage().equals("es");
        List<DocumentLine> amounts = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            TaxRate rate = i % 7 == 3 ? TaxRate.REDUCED : TaxRate.GENERAL;
            BigDecimal quantity = BigDecimal.valueOf(1 + (i * 7) % 23);
            BigDecimal price = new BigDecimal("3.45").add(BigDecimal.valueOf(i * 113 % 4999, 2));
            BigDecimal discount = i % 5 == 0 ? new BigDecimal("5") : null;
            amounts.add(new DocumentLine(quantity, price, discount, rate));
            texts.add(new String[] {"ART-" + (1000 + i), ITEMS[i % ITEMS.length]});
        }
        DocumentTotals totals = DocumentTotals.of(amounts, Currency.getInstance("EUR"), null, false, null);
        List<PrintedLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            DocumentLine line = amounts.get(i);
            lines.add(new PrintedLine(
                    texts.get(i)[0],
                    texts.get(i)[1],
                    line.quantity(),
                    0,
                    spanish ? "ud" : "pc",
                    line.unitPrice(),
                    line.discountPercent(),
                    line.tax().vatPercent().toPlainString() + " %",
                    totals.lineNets().get(i)));
        }
        PrintedParty issuer = new PrintedParty(
                "Talleres Nexo Demo, S.L.",
                "B12345674",
                List.of("Calle de la Forja 12, nave 3", "48950 Erandio (Bizkaia)", "España"),
                "facturacion@talleresnexo.es",
                "+34 944 000 111");
        PrintedParty client = new PrintedParty(
                "Hostelería Sol, S.L.",
                "B87654321",
                List.of("Avenida del Puerto 45", "46021 València", "España"),
                "compras@hosteleriasol.es",
                null);
        return new PrintedDocument(
                spanish ? "Factura" : "Invoice",
                NUMBER,
                LocalDate.of(2026, 12, 2),
                LocalDate.of(2027, 1, 1),
                spanish ? "Vencimiento" : "Due date",
                null,
                issuer,
                client,
                List.of("Hostelería Sol — Almacén", "Polígono Fuente del Jarro, calle 7", "46988 Paterna"),
                "EUR",
                null,
                spanish
                        ? "Transferencia a 30 días\nIBAN ES91 2100 0418 4502 0005 1332"
                        : "Bank transfer, 30 days\nIBAN ES91 2100 0418 4502 0005 1332",
                lines,
                totals,
                List.of(
                        spanish
                                ? "Factura emitida por sistema informático de facturación conforme al Real Decreto 1007/2023."
                                : "Invoice issued by invoicing software complying with Royal Decree 1007/2023."),
                spanish ? "Gracias por su confianza." : "Thank you for your business.",
                new PrintedDocument.Qr(
                        "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F2026-000123"
                                + "&fecha=02-12-2026&importe=" + totals.total().toPlainString(),
                        "QR tributario: VERI*FACTU"),
                "Talleres Nexo Demo, S.L. — Inscrita en el Registro Mercantil de Bizkaia, tomo 5.123, folio 45,"
                        + " hoja BI-56.789",
                locale);
    }
}
