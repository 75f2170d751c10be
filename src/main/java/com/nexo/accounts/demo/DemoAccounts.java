package com.nexo.accounts.demo;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.AddressType;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.account.PaymentTerms;
import com.nexo.accounts.account.TaxIds;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts: Spanish and international companies and people with their contacts, in both demo
 * tenants. The portal users' accounts keep the fixed party ids of {@link DemoTenant}. Seeds once per
 * tenant: a tenant that already has its first demo account is left alone.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoAccounts implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    /** The first account of the second tenant (its presence means "already seeded"). */
    static final UUID NORTHWIND_FIRST = UUID.fromString("0195f3a0-0000-7000-8000-0000000002a1");

    private static final String[] FIRST_NAMES = {
        "María", "José", "Lucía", "Javier", "Carmen", "David", "Elena", "Manuel", "Laura", "Pablo", "Marta", "Álvaro",
        "Núria", "Jordi", "Iñaki", "Begoña", "Raúl", "Sofía", "Andrés", "Pilar"
    };
    private static final String[] LAST_NAMES = {
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
        "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Etxeberria"
    };
    private static final String[] POSITIONS = {
        "Gerente", "Director de compras", "Administración", "Responsable de calidad", "Jefa de taller", "Contabilidad"
    };

    /** name, trade name, city, province, postal code, roles, tags. */
    private static final String[][] SPANISH_COMPANIES = {
        {"Construcciones Hermanos Pérez, S.L.", "Hermanos Pérez", "Valladolid", "Valladolid", "47001", "CLIENT", "obra"
        },
        {"Talleres Mecánicos Ebro, S.L.", "Talleres Ebro", "Zaragoza", "Zaragoza", "50001", "CLIENT", "taller"},
        {"Distribuciones Levante, S.A.", "DisLevante", "Valencia", "Valencia", "46001", "CLIENT", "distribución"},
        {"Ferretería La Económica, S.L.", null, "Sevilla", "Sevilla", "41001", "CLIENT", "retail"},
        {"Muebles Artesanos del Sur, S.L.", "Muebles del Sur", "Córdoba", "Córdoba", "14001", "CLIENT", "madera"},
        {"Panadería Núñez e Hijos, S.L.", "Panadería Núñez", "Salamanca", "Salamanca", "37001", "CLIENT", "alimentación"
        },
        {"Clínica Dental Sonrisas, S.L.P.", "Sonrisas", "Madrid", "Madrid", "28001", "CLIENT", "salud"},
        {"Bodegas Viña Albar, S.A.", "Viña Albar", "Logroño", "La Rioja", "26001", "CLIENT,SUPPLIER", "vino"},
        {"Transportes Cantábrico, S.L.", "TransCantábrico", "Santander", "Cantabria", "39001", "SUPPLIER", "logística"},
        {"Maderas y Tableros Galicia, S.A.", "MaderGal", "Lugo", "Lugo", "27001", "SUPPLIER", "madera"},
        {"Electricidad Industrial Bilbao, S.L.", "EIB", "Bilbao", "Bizkaia", "48001", "SUPPLIER", "electricidad"},
        {"Pinturas Mediterráneo, S.L.", null, "Alicante", "Alicante", "03001", "SUPPLIER", "pintura"},
        {"Tornillería Catalana, S.A.", "Tornicat", "Sabadell", "Barcelona", "08201", "SUPPLIER", "ferretería"},
        {"Gestoría Ramírez y Asociados, S.L.", "Gestoría Ramírez", "Murcia", "Murcia", "30001", "SUPPLIER", "servicios"
        },
        {"Hotel Playa Dorada, S.A.", "Playa Dorada", "Palma", "Illes Balears", "07001", "CLIENT", "hostelería"},
        {"Restaurante El Fogón Asturiano, S.L.", "El Fogón", "Oviedo", "Asturias", "33001", "PROSPECT", "hostelería"},
        {"Cooperativa Agrícola Vega del Guadalquivir, S.Coop.", "Coop. Vega", "Jaén", "Jaén", "23001", "CLIENT", "agro"
        },
        {"Ingeniería Navarra de Procesos, S.L.", "INPRO", "Pamplona", "Navarra", "31001", "PROSPECT", "ingeniería"},
        {"Centro de Formación Áurea, S.L.", "Áurea Formación", "Granada", "Granada", "18001", "PROSPECT", "formación"},
        {
            "Climatización Canarias, S.L.",
            "ClimaCan",
            "Las Palmas de Gran Canaria",
            "Las Palmas",
            "35001",
            "CLIENT",
            "clima"
        },
        {"Suministros Hidráulicos Duero, S.L.", "HidroDuero", "Zamora", "Zamora", "49001", "SUPPLIER", "fontanería"},
        {"Cerámicas Castellón, S.A.", "CeraCas", "Castellón de la Plana", "Castellón", "12001", "SUPPLIER", "cerámica"},
        {"Inmobiliaria Los Álamos, S.L.", "Los Álamos", "Toledo", "Toledo", "45001", "CLIENT,PROSPECT", "inmobiliaria"},
        {"Autoescuela Vía Rápida, S.L.", "Vía Rápida", "Badajoz", "Badajoz", "06001", "CLIENT", "servicios"},
        {"Farmacia Ldo. Quintana, C.B.", "Farmacia Quintana", "Cáceres", "Cáceres", "10001", "CLIENT", "salud"},
        {"Imprenta Gráficas Montes, S.L.", "Gráficas Montes", "Burgos", "Burgos", "09001", "SUPPLIER", "imprenta"},
        {"Limpiezas Brillante, S.L.", "Brillante", "Albacete", "Albacete", "02001", "SUPPLIER", "servicios"},
        {"Supermercados Familia Ortega, S.A.", "Súper Ortega", "Almería", "Almería", "04001", "CLIENT", "retail"},
        {"Carpintería Metálica Aragón, S.L.", "CMA", "Huesca", "Huesca", "22001", "CLIENT,SUPPLIER", "metal"},
        {"Asociación Vecinal San Blas", null, "Madrid", "Madrid", "28037", "PROSPECT", "asociación"},
        {"Taller de Motos Ruedas Libres, S.L.", "Ruedas Libres", "Girona", "Girona", "17001", "CLIENT", "taller"},
        {"Agencia de Viajes Horizonte, S.L.", "Horizonte", "Cádiz", "Cádiz", "11001", "CLIENT", "turismo"},
        {"Papelería Escolar Lápiz, S.L.", "Lápiz", "León", "León", "24001", "CLIENT", "retail"},
        {"Fundición Vasca de Precisión, S.A.", "Fuvapre", "Eibar", "Gipuzkoa", "20600", "SUPPLIER", "metal"},
        {"Vidrios y Cristales Segovia, S.L.", null, "Segovia", "Segovia", "40001", "SUPPLIER", "vidrio"},
    };

    /** name, country, tax id, city, postal code, currency, language, roles, tags. */
    private static final String[][] FOREIGN_COMPANIES = {
        {"Müller Maschinenbau GmbH", "DE", "DE123456789", "Stuttgart", "70173", "EUR", "en", "SUPPLIER", "maquinaria"},
        {"Dupont Outillage SARL", "FR", "FR40123456824", "Lyon", "69001", "EUR", "en", "SUPPLIER", "herramienta"},
        {"Rossi Forniture S.r.l.", "IT", "IT01234567897", "Milano", "20121", "EUR", "en", "SUPPLIER", "metal"},
        {"Silva & Filhos, Lda.", "PT", "PT501234567", "Porto", "4000-001", "EUR", "es", "CLIENT", "distribución"},
        {"Thames Engineering Ltd", "GB", "GB123456789", "London", "EC1A 1BB", "GBP", "en", "CLIENT", "ingeniería"},
        {
            "Van der Berg Logistics B.V.",
            "NL",
            "NL123456789B01",
            "Rotterdam",
            "3011",
            "EUR",
            "en",
            "SUPPLIER",
            "logística"
        },
        {"Andes Importaciones S.A.C.", "PE", "20123456789", "Lima", "15001", "USD", "es", "CLIENT", "exportación"},
        {"Great Lakes Tools Inc.", "US", "12-3456789", "Chicago", "60601", "USD", "en", "CLIENT,PROSPECT", "herramienta"
        },
        {
            "Comercial Azteca S.A. de C.V.",
            "MX",
            "CAZ010101AB1",
            "Guadalajara",
            "44100",
            "USD",
            "es",
            "PROSPECT",
            "exportación"
        },
        {"Nordic Steel AB", "SE", "SE556677889901", "Göteborg", "411 01", "EUR", "en", "SUPPLIER", "metal"},
    };

    private final AccountService accounts;
    private final ContactService contacts;

    DemoAccounts(AccountService accounts, ContactService contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Override
    public void seed(DemoTenant tenant) {
        switch (tenant) {
            case DEMO -> seedDemoTenant();
            case NORTHWIND -> seedSecondTenant();
        }
    }

    private boolean exists(UUID id) {
        try {
            accounts.getForm(id);
            return true;
        } catch (AccountRuleException e) {
            return false;
        }
    }

    private void seedDemoTenant() {
        if (exists(DemoTenant.CLIENT_PARTY)) {
            return;
        }
        UUID sales = accounts.owners().stream()
                .filter(owner -> owner.name().startsWith("Sergio"))
                .map(OwnerOption::id)
                .findFirst()
                .orElse(null);
        // The portal users' accounts, with the party ids their users already carry.
        AccountForm sol = company(
                "Hostelería Sol, S.L.",
                "Hotel Sol",
                TaxIds.spanishCif('B', 8_654_321),
                "Málaga",
                "Málaga",
                "29001",
                EnumSet.of(AccountRole.CLIENT),
                sales,
                "hostelería",
                "vip");
        sol.setCreditLimit(new BigDecimal("15000.00"));
        accounts.createWithId(DemoTenant.CLIENT_PARTY, sol);
        contact(DemoTenant.CLIENT_PARTY, "Carmen Cliente", "Compras", "cliente@demo.nexo", "es", true);
        contact(DemoTenant.CLIENT_PARTY, "Tomás Recepción", "Recepción", null, "es", false);

        AccountForm aceros = company(
                "Aceros del Norte, S.A.",
                "Aceros del Norte",
                TaxIds.spanishCif('A', 4_811_220),
                "Gijón",
                "Asturias",
                "33201",
                EnumSet.of(AccountRole.SUPPLIER),
                sales,
                "metal");
        aceros.setPaymentTerms(PaymentTerms.NET_60);
        accounts.createWithId(DemoTenant.SUPPLIER_PARTY, aceros);
        contact(DemoTenant.SUPPLIER_PARTY, "Pablo Proveedor", "Comercial", "proveedor@demo.nexo", "es", true);

        AccountForm lucia = person(
                "Lucía Martín Ortega",
                TaxIds.spanishNif(51_234_567),
                "Madrid",
                "28004",
                EnumSet.of(AccountRole.PROFESSIONAL),
                "freelance",
                "en");
        accounts.createWithId(DemoTenant.PROFESSIONAL_PARTY, lucia);
        contact(DemoTenant.PROFESSIONAL_PARTY, "Lucía Martín Ortega", null, "profesional@demo.nexo", "en", true);

        int seeded = 3;
        for (int i = 0; i < SPANISH_COMPANIES.length; i++) {
            String[] c = SPANISH_COMPANIES[i];
            EnumSet<AccountRole> roles = roles(c[5]);
            char kind =
                    c[0].contains("S.A.") ? 'A' : c[0].contains("Coop") ? 'F' : c[0].contains("Asociación") ? 'G' : 'B';
            AccountForm form = company(
                    c[0],
                    c[1],
                    TaxIds.spanishCif(kind, 1_000_003 + i * 7_919),
                    c[2],
                    c[3],
                    c[4],
                    roles,
                    i % 3 == 0 ? null : sales,
                    c[6]);
            form.setPaymentTerms(PaymentTerms.values()[i % PaymentTerms.values().length]);
            if (roles.contains(AccountRole.CLIENT)) {
                form.setCreditLimit(BigDecimal.valueOf(2_000L + (i * 1_500L) % 40_000));
            }
            UUID id = accounts.create(form);
            int people = 1 + i % 3;
            for (int p = 0; p < people; p++) {
                String name = FIRST_NAMES[(i + p * 7) % FIRST_NAMES.length] + " "
                        + LAST_NAMES[(i * 3 + p) % LAST_NAMES.length] + " "
                        + LAST_NAMES[(i + p + 5) % LAST_NAMES.length];
                contact(id, name, POSITIONS[(i + p) % POSITIONS.length], email(name, form.getWebsite()), "es", p == 0);
            }
            seeded++;
        }
        for (int i = 0; i < FOREIGN_COMPANIES.length; i++) {
            String[] c = FOREIGN_COMPANIES[i];
            AccountForm form = new AccountForm();
            form.setKind(AccountKind.ORGANIZATION);
            form.setRoles(roles(c[7]));
            form.setLegalName(c[0]);
            form.setCountry(c[1]);
            form.setTaxId(c[2]);
            form.setCurrency(c[5]);
            form.setLanguage(c[6]);
            form.setAddresses(List.of(new Address(AddressType.BILLING, "—", c[4], c[3], null, c[1])));
            String domain = slug(c[0]) + "." + c[1].toLowerCase(Locale.ROOT);
            form.setWebsite("https://www." + domain);
            form.setEmails(List.of("info@" + domain));
            form.setTags(Set.of(c[8], "internacional"));
            form.setPaymentTerms(PaymentTerms.NET_30);
            form.setOwnerId(sales);
            UUID id = accounts.create(form);
            contact(id, FIRST_NAMES[i] + " " + LAST_NAMES[i + 3], "Export manager", "sales@" + domain, c[6], true);
            seeded++;
        }
        String[][] people = {
            {"Antonio Vidal Castro", "Valencia", "46003", "CLIENT"},
            {"Marina Soler Puig", "Barcelona", "08002", "CLIENT"},
            {"Francisco Javier Ibáñez", "Zaragoza", "50003", "PROFESSIONAL"},
            {"Rocío Delgado Campos", "Sevilla", "41004", "PROFESSIONAL"},
            {"Iker Zubizarreta Goñi", "Donostia", "20004", "PROFESSIONAL,SUPPLIER"},
            {"Ana Belén Cortés", "Murcia", "30005", "PROSPECT"},
            {"Guillermo Ferrer Roca", "Palma", "07003", "CLIENT"},
            {"Noelia Santana Perdomo", "Santa Cruz de Tenerife", "38001", "PROFESSIONAL"},
        };
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            AccountForm form = person(
                    p[0],
                    TaxIds.spanishNif(30_000_001 + i * 1_234_567),
                    p[1],
                    p[2],
                    roles(p[3]),
                    i % 2 == 0 ? "particular" : "autónomo",
                    "es");
            form.setOwnerId(sales);
            UUID id = accounts.create(form);
            contact(id, p[0], null, email(p[0], null), "es", true);
            seeded++;
        }
        LOG.info("Seeded {} demo accounts", seeded);
    }

    private void seedSecondTenant() {
        if (exists(NORTHWIND_FIRST)) {
            return;
        }
        String[][] companies = {
            {"Alfreds Futterkiste", "DE", "Berlin", "12209"},
            {"Ana Trujillo Emparedados y helados", "MX", "México D.F.", "05021"},
            {"Around the Horn", "GB", "London", "WA1 1DP"},
            {"Berglunds snabbköp", "SE", "Luleå", "958 22"},
            {"Blondel père et fils", "FR", "Strasbourg", "67000"},
            {"Bólido Comidas preparadas", "ES", "Madrid", "28023"},
            {"Exotic Liquids", "GB", "London", "EC1 4SD"},
            {"Tokyo Traders", "JP", "Tokyo", "100"},
        };
        for (int i = 0; i < companies.length; i++) {
            String[] c = companies[i];
            AccountForm form = new AccountForm();
            form.setLegalName(c[0]);
            form.setCountry(c[1]);
            form.setRoles(i >= 6 ? EnumSet.of(AccountRole.SUPPLIER) : EnumSet.of(AccountRole.CLIENT));
            form.setTaxId("ES".equals(c[1]) ? TaxIds.spanishCif('B', 2_800_000 + i) : null);
            form.setCurrency("GBP".equals(c[1]) ? "GBP" : "EUR");
            form.setLanguage("en");
            form.setAddresses(List.of(new Address(AddressType.BILLING, null, c[3], c[2], null, c[1])));
            form.setEmails(List.of("orders@" + slug(c[0]) + ".example"));
            UUID id = i == 0 ? accounts.createWithId(NORTHWIND_FIRST, form) : accounts.create(form);
            contact(id, FIRST_NAMES[i] + " " + LAST_NAMES[i], "Owner", null, "en", true);
        }
        LOG.info("Seeded {} demo accounts in the second tenant", companies.length);
    }

    private static AccountForm company(
            String legalName,
            String tradeName,
            String taxId,
            String city,
            String region,
            String postalCode,
            EnumSet<AccountRole> roles,
            UUID owner,
            String... tags) {
        AccountForm form = new AccountForm();
        form.setKind(AccountKind.ORGANIZATION);
        form.setRoles(roles);
        form.setLegalName(legalName);
        form.setTradeName(tradeName);
        form.setTaxId(taxId);
        form.setCountry("ES");
        String domain = slug(tradeName == null ? legalName : tradeName) + ".es";
        form.setWebsite("https://www." + domain);
        form.setEmails(List.of("info@" + domain));
        form.setPhones(List.of("+34 9"
                + String.format(
                        Locale.ROOT,
                        "%02d %03d %03d",
                        Math.abs(legalName.hashCode()) % 100,
                        Math.abs(legalName.hashCode() / 100) % 1000,
                        Math.abs(city.hashCode()) % 1000)));
        List<Address> addresses = new ArrayList<>();
        addresses.add(new Address(
                AddressType.BILLING,
                "Calle Mayor " + (1 + Math.abs(legalName.hashCode()) % 120),
                postalCode,
                city,
                region,
                "ES"));
        if (roles.contains(AccountRole.CLIENT) && legalName.length() % 2 == 0) {
            addresses.add(new Address(
                    AddressType.SHIPPING,
                    "Polígono Industrial Norte, nave " + (legalName.length() % 30 + 1),
                    postalCode,
                    city,
                    region,
                    "ES"));
        }
        form.setAddresses(addresses);
        form.setTags(new LinkedHashSet<>(List.of(tags)));
        form.setOwnerId(owner);
        form.setLanguage("es");
        return form;
    }

    private static AccountForm person(
            String name,
            String nif,
            String city,
            String postalCode,
            EnumSet<AccountRole> roles,
            String tag,
            String language) {
        AccountForm form = new AccountForm();
        form.setKind(AccountKind.INDIVIDUAL);
        form.setRoles(roles);
        form.setLegalName(name);
        form.setTaxId(nif);
        form.setCountry("ES");
        form.setLanguage(language);
        form.setEmails(List.of(email(name, null)));
        form.setPhones(List.of("+34 6"
                + String.format(
                        Locale.ROOT,
                        "%02d %03d %03d",
                        Math.abs(name.hashCode()) % 100,
                        Math.abs(name.hashCode() / 100) % 1000,
                        Math.abs(city.hashCode()) % 1000)));
        form.setAddresses(List.of(new Address(AddressType.BILLING, null, postalCode, city, null, "ES")));
        form.setTags(Set.of(tag));
        return form;
    }

    private void contact(UUID accountId, String name, String position, String email, String language, boolean primary) {
        ContactForm form = new ContactForm();
        form.setName(name);
        form.setPosition(position);
        form.setEmails(email == null ? List.of() : List.of(email));
        form.setLanguage(language);
        form.setPrimary(primary);
        contacts.addContact(accountId, form);
    }

    private static EnumSet<AccountRole> roles(String codes) {
        EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String code : codes.split(",")) {
            roles.add(AccountRole.valueOf(code));
        }
        return roles;
    }

    private static String email(String name, String website) {
        String[] parts = slugWords(name);
        String domain = website == null ? "correo.example" : website.replace("https://www.", "");
        return parts[0] + "." + parts[Math.min(1, parts.length - 1)] + "@" + domain;
    }

    private static String slug(String text) {
        return String.join("", slugWords(text));
    }

    private static String[] slugWords(String text) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll(
                        "\\b(s\\.?l\\.?p?|s\\.?a\\.?|s\\.?coop|c\\.?b|gmbh|sarl|s\\.r\\.l|lda|ltd|b\\.v|inc|ab)\\b",
                        " ")
                .replaceAll("[^a-z0-9 ]", " ")
                .strip();
        return plain.split("\\s+");
    }
}
