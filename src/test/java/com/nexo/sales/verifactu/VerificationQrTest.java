package com.nexo.sales.verifactu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.sales.verifactu.VerificationQr.Environment;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The QR content against the tax agency's "Detalle de las especificaciones técnicas del código QR de
 * la factura y de la URL de cotejo o remisión de información" (DetalleEspecificacTecnCodigoQRfactura.pdf,
 * AEAT developers' site). Its section 4 encodes the {@code &} of the series and number
 * {@code 12345678&G33}:
 *
 * <pre>https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=89890001K&amp;numserie=12345678%26G33&amp;fecha=01-01-2024&amp;importe=241.4</pre>
 *
 * and its section 5 gives the two addresses and the amount's form, {@code importe=NNNNNNNNN.DD}: two
 * decimals, which NEXO always writes (so 241.4 comes out as 241.40).
 */
class VerificationQrTest {

    private static final String PUBLISHED_EXAMPLE = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
            + "?nif=89890001K&numserie=12345678%26G33&fecha=01-01-2024&importe=241.4";

    @Test
    void the_specifications_example_encodes_the_ampersand_of_the_number() {
        String url = VerificationQr.url(
                Environment.TEST, "89890001K", "12345678&G33", LocalDate.of(2024, 1, 1), new BigDecimal("241.4"));

        assertThat(url).isEqualTo(PUBLISHED_EXAMPLE + "0");
        assertThat(url).startsWith(PUBLISHED_EXAMPLE.substring(0, PUBLISHED_EXAMPLE.indexOf("&importe=")));
    }

    @Test
    void production_is_the_tax_agencys_www2_site_and_values_are_url_encoded_in_utf8() {
        String url = VerificationQr.url(
                Environment.PRODUCTION,
                "B12345674",
                "F2026/000 12+1",
                LocalDate.of(2026, 12, 2),
                new BigDecimal("1210"));

        assertThat(url)
                .isEqualTo("https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"
                        + "?nif=B12345674&numserie=F2026%2F000+12%2B1&fecha=02-12-2026&importe=1210.00");
    }

    @Test
    void the_setting_chooses_the_environment_and_numbers_outside_printable_ascii_are_refused() {
        assertThat(Environment.parse("production")).isEqualTo(Environment.PRODUCTION);
        assertThat(Environment.parse(" TEST ")).isEqualTo(Environment.TEST);
        assertThatThrownBy(() -> Environment.parse("staging")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationQr.url(
                        Environment.TEST, "89890001K", "FÑ-1", LocalDate.of(2024, 1, 1), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VerificationQr.CAPTION_ABOVE).isEqualTo("QR tributario:");
        assertThat(VerificationQr.CAPTION_BELOW).isEqualTo("VERI*FACTU");
    }
}
