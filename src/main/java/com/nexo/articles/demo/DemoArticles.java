package com.nexo.articles.demo;

import com.nexo.accounts.AccountDirectory;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.ReservationRequest;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.TransferEntry;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's catalogue: a metalworking shop that also sells hardware — categories three
 * levels deep, goods, production inputs and services with real-looking EAN-13 codes, three
 * warehouses with locations, two months of receipts, issues, transfers and adjustments, open
 * reservations, and replenishment levels (some articles below their minimum). Runs once: a tenant
 * that already has the central warehouse is left alone.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoArticles implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoArticles.class);

    /** code, parent code (empty for a root), Spanish name, English name. */
    private static final String[][] CATEGORIES = {
        {"FER", "", "Ferretería", "Hardware"},
        {"FER-TOR", "FER", "Tornillería", "Screws and bolts"},
        {"FER-TOR-TOR", "FER-TOR", "Tornillos", "Screws"},
        {"FER-TOR-TUE", "FER-TOR", "Tuercas y arandelas", "Nuts and washers"},
        {"FER-FIJ", "FER", "Fijaciones y anclajes", "Fixings and anchors"},
        {"HER", "", "Herramientas", "Tools"},
        {"HER-MAN", "HER", "Herramienta manual", "Hand tools"},
        {"HER-ELE", "HER", "Herramienta eléctrica", "Power tools"},
        {"HER-ABR", "HER", "Abrasivos y corte", "Abrasives and cutting"},
        {"MAT", "", "Materias primas", "Raw materials"},
        {"MAT-ACE", "MAT", "Aceros", "Steel"},
        {"MAT-ACE-CHA", "MAT-ACE", "Chapa", "Sheet"},
        {"MAT-ACE-PER", "MAT-ACE", "Perfiles y tubos", "Sections and tubes"},
        {"MAT-MAD", "MAT", "Madera y tablero", "Wood and board"},
        {"QUI", "", "Pinturas y químicos", "Paints and chemicals"},
        {"EPI", "", "Protección laboral", "Safety equipment"},
        {"SER", "", "Servicios", "Services"},
    };

    /**
     * code, kind, category, unit, Spanish name, English name, sale price, cost, supplier (search
     * text of a demo supplier account, or empty).
     */
    private static final String[][] ARTICLES = {
        {
            "TOR-DIN933-M6X20",
            "goods",
            "FER-TOR-TOR",
            "caja100",
            "Tornillo hexagonal DIN 933 M6x20 zincado",
            "Hex bolt DIN 933 M6x20 zinc plated",
            "6.90",
            "3.10",
            "Tornillería Catalana"
        },
        {
            "TOR-DIN933-M8X30",
            "goods",
            "FER-TOR-TOR",
            "caja100",
            "Tornillo hexagonal DIN 933 M8x30 zincado",
            "Hex bolt DIN 933 M8x30 zinc plated",
            "11.40",
            "5.20",
            "Tornillería Catalana"
        },
        {
            "TOR-DIN912-M10X40",
            "goods",
            "FER-TOR-TOR",
            "ud",
            "Tornillo allen DIN 912 M10x40 8.8",
            "Socket head cap screw DIN 912 M10x40 8.8",
            "0.38",
            "0.14",
            "Tornillería Catalana"
        },
        {
            "TOR-AUTOR-4X30",
            "goods",
            "FER-TOR-TOR",
            "caja100",
            "Tornillo autorroscante 4x30 cabeza avellanada",
            "Self-tapping screw 4x30 countersunk",
            "4.20",
            "1.60",
            "Tornillería Catalana"
        },
        {
            "TUE-DIN934-M8",
            "goods",
            "FER-TOR-TUE",
            "caja100",
            "Tuerca hexagonal DIN 934 M8",
            "Hex nut DIN 934 M8",
            "3.80",
            "1.45",
            "Tornillería Catalana"
        },
        {
            "ARA-DIN125-M8",
            "goods",
            "FER-TOR-TUE",
            "caja100",
            "Arandela plana DIN 125 M8",
            "Flat washer DIN 125 M8",
            "2.10",
            "0.70",
            "Tornillería Catalana"
        },
        {
            "FIJ-TACO-NYL8",
            "goods",
            "FER-FIJ",
            "caja100",
            "Taco de nailon 8 mm",
            "Nylon wall plug 8 mm",
            "3.50",
            "1.20",
            "Tornillería Catalana"
        },
        {
            "FIJ-ANCLA-M10",
            "goods",
            "FER-FIJ",
            "ud",
            "Anclaje químico M10 con varilla",
            "Chemical anchor M10 with rod",
            "4.75",
            "2.30",
            "Tornillería Catalana"
        },
        {
            "HER-LLAVE-COMB13",
            "goods",
            "HER-MAN",
            "ud",
            "Llave combinada 13 mm cromo vanadio",
            "Combination spanner 13 mm chrome vanadium",
            "8.95",
            "4.10",
            "Dupont Outillage"
        },
        {
            "HER-MARTILLO-500",
            "goods",
            "HER-MAN",
            "ud",
            "Martillo de bola 500 g mango de fibra",
            "Ball-peen hammer 500 g fibreglass handle",
            "14.90",
            "6.80",
            "Dupont Outillage"
        },
        {
            "HER-DESTOR-SET6",
            "goods",
            "HER-MAN",
            "ud",
            "Juego de 6 destornilladores aislados",
            "Set of 6 insulated screwdrivers",
            "24.50",
            "11.20",
            "Dupont Outillage"
        },
        {
            "HER-TALADRO-18V",
            "goods",
            "HER-ELE",
            "ud",
            "Taladro percutor a batería 18 V",
            "Cordless hammer drill 18 V",
            "149.00",
            "92.00",
            "Electricidad Industrial Bilbao"
        },
        {
            "HER-AMOLADORA-125",
            "goods",
            "HER-ELE",
            "ud",
            "Amoladora angular 125 mm 1200 W",
            "Angle grinder 125 mm 1200 W",
            "89.00",
            "54.00",
            "Electricidad Industrial Bilbao"
        },
        {
            "ABR-DISCO-CORTE125",
            "goods",
            "HER-ABR",
            "ud",
            "Disco de corte para acero 125x1 mm",
            "Steel cutting disc 125x1 mm",
            "1.95",
            "0.62",
            "Dupont Outillage"
        },
        {
            "ABR-DISCO-LAMINAS125",
            "goods",
            "HER-ABR",
            "ud",
            "Disco de láminas grano 80 125 mm",
            "Flap disc grit 80 125 mm",
            "3.40",
            "1.35",
            "Dupont Outillage"
        },
        {
            "ACE-CHAPA-S235-2MM",
            "input",
            "MAT-ACE-CHA",
            "kg",
            "Chapa de acero S235 laminada en frío 2 mm",
            "Cold-rolled steel sheet S235 2 mm",
            "1.45",
            "0.98",
            "Fundición Vasca"
        },
        {
            "ACE-CHAPA-INOX-1MM",
            "input",
            "MAT-ACE-CHA",
            "kg",
            "Chapa de acero inoxidable AISI 304 1 mm",
            "Stainless steel sheet AISI 304 1 mm",
            "4.60",
            "3.35",
            "Fundición Vasca"
        },
        {
            "ACE-TUBO-40X40X2",
            "input",
            "MAT-ACE-PER",
            "m",
            "Tubo cuadrado de acero 40x40x2 mm",
            "Square steel tube 40x40x2 mm",
            "5.20",
            "3.10",
            "Fundición Vasca"
        },
        {
            "ACE-IPN-100",
            "input",
            "MAT-ACE-PER",
            "m",
            "Perfil IPN 100 S275",
            "I-beam IPN 100 S275",
            "14.80",
            "9.90",
            "Fundición Vasca"
        },
        {
            "ACE-PLETINA-40X5",
            "input",
            "MAT-ACE-PER",
            "m",
            "Pletina de acero 40x5 mm",
            "Flat steel bar 40x5 mm",
            "2.35",
            "1.40",
            "Fundición Vasca"
        },
        {
            "MAD-TABLERO-DM19",
            "input",
            "MAT-MAD",
            "m2",
            "Tablero DM 19 mm",
            "MDF board 19 mm",
            "9.80",
            "6.10",
            "Maderas y Tableros"
        },
        {
            "MAD-LISTON-PINO",
            "input",
            "MAT-MAD",
            "m",
            "Listón de pino 45x45 mm cepillado",
            "Planed pine batten 45x45 mm",
            "2.10",
            "1.15",
            "Maderas y Tableros"
        },
        {
            "QUI-IMPRIM-ANTIOX",
            "goods",
            "QUI",
            "l",
            "Imprimación antioxidante gris",
            "Grey anti-rust primer",
            "12.40",
            "6.90",
            "Pinturas Mediterráneo"
        },
        {
            "QUI-ESMALTE-RAL9005",
            "goods",
            "QUI",
            "l",
            "Esmalte sintético negro RAL 9005",
            "Black synthetic enamel RAL 9005",
            "15.90",
            "8.70",
            "Pinturas Mediterráneo"
        },
        {
            "QUI-DISOLVENTE",
            "input",
            "QUI",
            "l",
            "Disolvente universal",
            "Universal thinner",
            "4.30",
            "2.20",
            "Pinturas Mediterráneo"
        },
        {
            "EPI-GUANTES-NITR",
            "goods",
            "EPI",
            "par",
            "Guantes de nitrilo anticorte nivel C",
            "Cut-resistant nitrile gloves level C",
            "5.60",
            "2.40",
            ""
        },
        {
            "EPI-GAFAS-POLI",
            "goods",
            "EPI",
            "ud",
            "Gafas de protección de policarbonato",
            "Polycarbonate safety glasses",
            "4.90",
            "1.80",
            ""
        },
        {
            "EPI-CASCO-BLANCO",
            "goods",
            "EPI",
            "ud",
            "Casco de obra blanco con ruleta",
            "White hard hat with ratchet",
            "9.50",
            "4.30",
            ""
        },
        {"SER-MO-TALLER", "service", "SER", "h", "Mano de obra de taller", "Workshop labour", "38.00", "22.00", ""},
        {"SER-CORTE-LASER", "service", "SER", "h", "Corte láser de chapa", "Laser sheet cutting", "65.00", "30.00", ""},
        {
            "SER-PORTES",
            "service",
            "SER",
            "ud",
            "Portes a obra (provincia)",
            "Delivery to site (province)",
            "45.00",
            "28.00",
            "Transportes Cantábrico"
        },
    };

    private final CategoryService categories;
    private final ArticleService articles;
    private final UnitService units;
    private final WarehouseService warehouses;
    private final StockService stock;
    private final ReservationService reservations;
    private final ReplenishmentService replenishment;
    private final AccountDirectory accounts;

    DemoArticles(
            CategoryService categories,
            ArticleService articles,
            UnitService units,
            WarehouseService warehouses,
            StockService stock,
            ReservationService reservations,
            ReplenishmentService replenishment,
            AccountDirectory accounts) {
        this.categories = categories;
        this.articles = articles;
        this.units = units;
        this.warehouses = warehouses;
        this.stock = stock;
        this.reservations = reservations;
        this.replenishment = replenishment;
        this.accounts = accounts;
    }

    @Override
    public void seed(DemoTenant tenant) {
        if (tenant == DemoTenant.DEMO
                && warehouses.listWarehouses().stream()
                        .noneMatch(w -> w.getCode().equals("CEN"))) {
            seed();
        }
    }

    private void seed() {
        Map<String, UUID> unitIds = new HashMap<>();
        for (UnitOfMeasure unit : units.listUnits()) {
            unitIds.put(unit.getCode(), unit.getId());
        }
        Map<String, UUID> categoryIds = new HashMap<>();
        for (String[] row : CATEGORIES) {
            UUID parent = row[1].isEmpty() ? null : categoryIds.get(row[1]);
            categoryIds.put(row[0], categories.createCategory(parent, row[0], row[2], row[3]));
        }
        UUID central = warehouses.createWarehouse(
                new WarehouseForm("CEN", "Almacén central", "Polígono San Cristóbal, Valladolid", false, true));
        UUID workshop = warehouses.createWarehouse(
                new WarehouseForm("TAL", "Taller", "Nave 2, Polígono San Cristóbal, Valladolid", false, true));
        // The delivery van may go negative: the driver issues on site and the office regularises later.
        UUID van = warehouses.createWarehouse(new WarehouseForm("FUR", "Furgoneta de reparto", null, true, true));
        for (String aisle : List.of("A", "B", "C")) {
            for (int shelf = 1; shelf <= 3; shelf++) {
                warehouses.addLocation(central, aisle + "-0" + shelf, "Pasillo " + aisle + ", estante " + shelf);
            }
        }
        warehouses.addLocation(workshop, "BANCO-1", "Banco de trabajo 1");

        Random random = new Random(2026);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int seeded = 0;
        for (int i = 0; i < ARTICLES.length; i++) {
            String[] row = ARTICLES[i];
            ArticleKind kind = ArticleKind.valueOf(row[1].toUpperCase(java.util.Locale.ROOT));
            boolean stocked = kind != ArticleKind.SERVICE;
            String barcode = kind == ArticleKind.SERVICE ? null : Ean13.complete(String.format("8437%08d", 1_200 + i));
            UUID id = articles.createArticle(new ArticleForm(
                    row[0],
                    kind,
                    row[4],
                    row[5],
                    null,
                    null,
                    categoryIds.get(row[2]),
                    unitIds.get(row[3]),
                    barcode,
                    new BigDecimal(row[6]),
                    new BigDecimal(row[7]),
                    new BigDecimal("21"),
                    supplier(row[8]),
                    stocked));
            seeded++;
            if (!stocked) {
                continue;
            }
            BigDecimal received = BigDecimal.valueOf(30 + random.nextInt(70));
            stock.receive(new StockEntry(
                    id,
                    central,
                    null,
                    received,
                    null,
                    now.minus(Duration.ofDays(60 - i)),
                    "Pedido inicial",
                    "purchase-receipt",
                    "ALB-2026-" + (100 + i)));
            BigDecimal issued = BigDecimal.valueOf(5 + random.nextInt(15));
            stock.issue(new StockEntry(
                    id,
                    central,
                    null,
                    issued,
                    null,
                    now.minus(Duration.ofDays(20 - i % 15)),
                    "Venta mostrador",
                    "sales-delivery",
                    "ALB-V-" + (500 + i)));
            if (i % 3 == 0) {
                stock.transfer(new TransferEntry(
                        id, central, workshop, BigDecimal.valueOf(5), null, "Reposición taller", null, null));
            }
            if (i % 7 == 0) {
                stock.adjust(new StockEntry(
                        id, central, null, BigDecimal.valueOf(-1), null, null, "Rotura en manipulación", null, null));
            }
            BigDecimal onHand = stock.position(id, central).onHand();
            // Every fourth article sits below its minimum, so the replenishment list has something to show.
            BigDecimal minimum = i % 4 == 0 ? onHand.add(BigDecimal.TEN) : BigDecimal.valueOf(5);
            replenishment.setLevels(id, central, minimum, minimum.multiply(BigDecimal.valueOf(3)));
            if (i % 5 == 0 && onHand.compareTo(BigDecimal.valueOf(4)) > 0) {
                reservations.reserve(new ReservationRequest(
                        id, central, BigDecimal.valueOf(2), "sales-order", "PV-2026-" + (40 + i)));
            }
        }
        LOG.info("Demo catalogue: {} categories, {} articles, 3 warehouses", CATEGORIES.length, seeded);
    }

    private UUID supplier(String search) {
        if (search.isEmpty()) {
            return null;
        }
        return accounts.suppliersMatching(search, 1).stream()
                .map(AccountDirectory.AccountName::id)
                .findFirst()
                .orElse(null);
    }
}
