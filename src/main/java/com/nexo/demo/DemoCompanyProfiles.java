package com.nexo.demo;

import com.nexo.tenancy.CompanyProfileForm;
import com.nexo.tenancy.CompanyProfiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo tenants' company details, so that their documents print like a real company's: a Spanish
 * workshop with a logo and its registry details, and an English trading company without logo.
 * A tenant that has saved its details already is left alone.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoCompanyProfiles implements DemoData {

    private final CompanyProfiles profiles;

    DemoCompanyProfiles(CompanyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void seed(DemoTenant tenant) {
        CompanyProfileForm form = profiles.getForm();
        if (form.getVersion() != null) {
            return;
        }
        switch (tenant) {
            case DEMO -> {
                form.setLegalName("Talleres Nexo Demo, S.L.");
                form.setTradeName("Talleres Nexo");
                form.setTaxId("B95123451");
                form.setStreet("Calle de la Forja 12, nave 3");
                form.setPostalCode("48950");
                form.setCity("Erandio");
                form.setRegion("Bizkaia");
                form.setCountry("ES");
                form.setEmail("facturacion@talleresnexo.example");
                form.setPhone("+34 944 000 111");
                form.setWebsite("www.talleresnexo.example");
                form.setIban("ES91 2100 0418 4502 0005 1332");
                String registry = "Talleres Nexo Demo, S.L. Inscrita en el Registro Mercantil de Bizkaia,"
                        + " tomo 5123, folio 45, hoja BI-56789.";
                form.setFooter(registry);
                form.setLogo(logo(new Color(0x1f, 0x4e, 0x79)), "image/png");
            }
            case NORTHWIND -> {
                form.setLegalName("Northwind Trading Ltd.");
                form.setTaxId("GB123456789");
                form.setStreet("12 Harbour Road");
                form.setPostalCode("BS1 5TY");
                form.setCity("Bristol");
                form.setCountry("GB");
                form.setEmail("accounts@northwind.example");
                form.setPhone("+44 117 000 0000");
                form.setWebsite("www.northwind.example");
                form.setIban("GB82 WEST 1234 5698 7654 32");
                String registry = "Northwind Trading Ltd. Registered in England and Wales, company no. 01234567.";
                form.setFooter(registry);
            }
        }
        profiles.save(form);
    }

    /** A plain mark (a rounded square with an anvil-like bar), drawn without fonts. */
    private static byte[] logo(Color colour) {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(colour);
            g.fillRoundRect(0, 0, 240, 240, 48, 48);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(60, 80, 180, 80);
            g.drawLine(120, 80, 120, 170);
            g.drawLine(80, 170, 160, 170);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
