package com.nexo.accounts.search;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates large volumes of realistic-looking accounts (and a contact for a third of them) for
 * performance work, set-based: one {@code INSERT ... SELECT} over {@code generate_series} per batch,
 * as the application role under the tenant's row-level security (no COPY, which RLS forbids, and no
 * row-by-row round trips). Codes are reserved from the tenant's code counter, so generated accounts
 * never take a code the application would propose. The history triggers record one insert per row,
 * set-based as well. Called by {@link AccountTools} only; the caller binds the tenant.
 */
@Component
class AccountGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(AccountGenerator.class);

    static final int BATCH = 50_000;

    private static final String ACTIVITIES = array(
            "Talleres",
            "Construcciones",
            "Distribuciones",
            "Transportes",
            "Suministros",
            "Instalaciones",
            "Comercial",
            "Ferretería",
            "Carpintería",
            "Electricidad",
            "Fontanería",
            "Climatización",
            "Hostelería",
            "Panadería",
            "Gestoría",
            "Ingeniería",
            "Maderas",
            "Aceros",
            "Pinturas",
            "Cerámicas",
            "Muebles",
            "Imprenta",
            "Limpiezas",
            "Asesoría");
    private static final String ROOTS = array(
            "Hermanos García",
            "López e Hijos",
            "Martín",
            "del Norte",
            "del Sur",
            "Levante",
            "Mediterráneo",
            "Atlántico",
            "Cantábrico",
            "Ibérica",
            "Castellana",
            "Andaluza",
            "Gallega",
            "Vasca",
            "Catalana",
            "Aragonesa",
            "Riojana",
            "Navarra",
            "Extremeña",
            "Manchega",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Fernández",
            "Rodríguez",
            "Álvarez",
            "Muñoz",
            "Jiménez",
            "Núñez",
            "Ibáñez",
            "Peña",
            "Ortega",
            "Delgado",
            "Castro",
            "Vega",
            "Rubio",
            "Molina",
            "Serrano",
            "Blanco",
            "Suárez");
    private static final String PLACES = array(
            "Madrid",
            "Barcelona",
            "Valencia",
            "Sevilla",
            "Zaragoza",
            "Málaga",
            "Murcia",
            "Palma",
            "Bilbao",
            "Alicante",
            "Córdoba",
            "Valladolid",
            "Vigo",
            "Gijón",
            "Vitoria",
            "A Coruña",
            "Granada",
            "Elche",
            "Oviedo",
            "Badalona",
            "Cartagena",
            "Terrassa",
            "Jerez",
            "Sabadell",
            "Móstoles",
            "Alcalá",
            "Pamplona",
            "Almería",
            "Fuenlabrada",
            "Leganés",
            "Donostia",
            "Burgos",
            "Santander",
            "Castellón",
            "Albacete",
            "Getafe",
            "Alcorcón",
            "Logroño",
            "Badajoz",
            "Salamanca",
            "Huelva",
            "Marbella",
            "Lleida",
            "Tarragona",
            "León",
            "Cádiz",
            "Jaén",
            "Ourense",
            "Girona",
            "Lugo",
            "Cáceres",
            "Toledo");
    private static final String FIRST_NAMES = array(
            "María",
            "José",
            "Lucía",
            "Javier",
            "Carmen",
            "David",
            "Elena",
            "Manuel",
            "Laura",
            "Pablo",
            "Marta",
            "Álvaro",
            "Núria",
            "Jordi",
            "Iñaki",
            "Begoña",
            "Raúl",
            "Sofía",
            "Andrés",
            "Pilar",
            "Antonio",
            "Isabel",
            "Francisco",
            "Ana",
            "Sergio",
            "Cristina",
            "Jorge",
            "Rocío",
            "Alberto",
            "Beatriz");
    private static final String LAST_NAMES = array(
            "García",
            "Fernández",
            "González",
            "Rodríguez",
            "López",
            "Martínez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Martín",
            "Jiménez",
            "Ruiz",
            "Hernández",
            "Díaz",
            "Moreno",
            "Muñoz",
            "Álvarez",
            "Romero",
            "Alonso",
            "Gutiérrez",
            "Navarro",
            "Torres",
            "Domínguez",
            "Vázquez",
            "Ramos",
            "Gil",
            "Ramírez",
            "Serrano",
            "Blanco",
            "Molina",
            "Morales",
            "Suárez",
            "Ortega",
            "Delgado",
            "Castro",
            "Ortiz",
            "Rubio",
            "Marín",
            "Sanz",
            "Núñez",
            "Iglesias",
            "Medina",
            "Garrido",
            "Cortés",
            "Castillo",
            "Santos",
            "Lozano",
            "Guerrero",
            "Cano",
            "Prieto");

    /** A time-ordered (version 7 layout) UUID made in SQL, like the ones {@code Ids.newId()} makes. */
    private static final String UUID_V7 =
            "(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')"
                    + " || '7' || lpad(to_hex((random() * 4095)::int), 3, '0') || to_hex(8 + (random() * 3)::int)"
                    + " || lpad(to_hex((random() * 4095)::int), 3, '0')"
                    + " || lpad(to_hex((random() * 281474976710655)::bigint), 12, '0'))::uuid";

    private static final String INSERT = """
            WITH g AS (
                SELECT :first + i AS num FROM generate_series(0, :n - 1) AS i
            ), h AS (
                -- Independent pseudo-random numbers per account, so that names, roles, tags and the
                -- archived flag do not correlate (a modulo of one counter would make whole name
                -- ranges lack a role, which no real data does).
                SELECT num,
                       hashint8(num)::bigint & 2147483647 AS h1,
                       hashint8(num + 1000003)::bigint & 2147483647 AS h2,
                       hashint8(num * 31 + 7)::bigint & 2147483647 AS h3
                  FROM g
            ), v AS (
                SELECT num, h1, h2, h3,
                       h1 %% 5 = 0 AS individual,
                       CASE WHEN h2 %% 10 = 7 THEN (ARRAY['FR','DE','GB','IT','PT'])[1 + (h2 / 10) %% 5] ELSE 'ES' END AS country,
                       (%1$s)[1 + h3 %% 24] AS activity,
                       (%2$s)[1 + (h3 / 24) %% 40] AS root,
                       (%3$s)[1 + (h3 / 960) %% 52] AS place,
                       (ARRAY['S.L.', 'S.A.', 'S.L.U.', 'S.Coop.'])[1 + (h1 / 7) %% 4] AS legal_form,
                       (%4$s)[1 + h3 %% 30] AS first_name,
                       (%5$s)[1 + (h3 / 30) %% 50] AS last1,
                       (%5$s)[1 + (h3 / 1500) %% 50] AS last2,
                       lpad(((num * 7919) %% 10000000)::text, 7, '0') AS cif,
                       lpad(((num * 7919) %% 100000000)::text, 8, '0') AS nif
                  FROM h
            ), accounts AS (
                INSERT INTO account (id, code, kind, roles, legal_name, trade_name, tax_id, country, addresses, emails,
                                     phones, payment_terms, credit_limit, currency, language, tags, archived)
                SELECT %6$s,
                       lpad(num::text, greatest(6, length(num::text)), '0'),
                       CASE WHEN individual THEN 'INDIVIDUAL' ELSE 'ORGANIZATION' END,
                       (CASE (h1 / 5) %% 10 WHEN 0 THEN '{SUPPLIER}' WHEN 1 THEN '{PROSPECT}' WHEN 2 THEN '{CLIENT,SUPPLIER}'
                                      WHEN 3 THEN '{PROFESSIONAL}' ELSE '{CLIENT}' END)::text[],
                       CASE WHEN individual THEN first_name || ' ' || last1 || ' ' || last2
                            ELSE activity || ' ' || root || ' ' || place || ', ' || legal_form END,
                       CASE WHEN NOT individual AND h2 %% 3 = 0 THEN activity || ' ' || root END,
                       CASE WHEN country <> 'ES' THEN country || lpad(num::text, 9, '0')
                            WHEN individual THEN nif || substr('TRWAGMYFPDXBNJZSQVHLCKE', nif::int %% 23 + 1, 1)
                            ELSE 'B' || cif || ((10 - (%7$s) %% 10) %% 10)::text END,
                       country,
                       jsonb_build_array(jsonb_build_object(
                           'type', 'BILLING', 'street', 'Calle ' || last1 || ' ' || (1 + num %% 200),
                           'postalCode', lpad((1000 + ((h3 / 960) %% 52) * 1000 + num %% 100)::text, 5, '0'),
                           'city', place, 'region', NULL, 'country', country)),
                       ARRAY[CASE WHEN individual
                                  THEN lower(nexo_unaccent(first_name || '.' || last1)) || num || '@correo.example'
                                  ELSE 'info' || num || '@' || regexp_replace(lower(nexo_unaccent(root)), '[^a-z]', '', 'g')
                                       || '.example' END],
                       ARRAY['+34 ' || CASE WHEN individual THEN '6' ELSE '9' END
                             || substr(nif, 1, 2) || ' ' || substr(nif, 3, 3) || ' ' || substr(nif, 6, 3)],
                       (ARRAY['IMMEDIATE', 'NET_30', 'NET_60', 'NET_90'])[1 + (h2 / 3) %% 4],
                       CASE WHEN (h1 / 5) %% 10 IN (2, 4, 5, 6) THEN ((h2 / 12) %% 50) * 1000 END,
                       CASE WHEN country = 'GB' THEN 'GBP' ELSE 'EUR' END,
                       CASE WHEN country = 'ES' THEN 'es' ELSE 'en' END,
                       ARRAY[(ARRAY['vip', 'mayorista', 'minorista', 'exportación', 'obra', 'taller', 'online', 'nuevo'])[1 + (h2 / 100) %% 8]],
                       (h1 / 1000) %% 40 = 0
                  FROM v
                RETURNING id, code, kind, legal_name
            )
            INSERT INTO contact (id, account_id, name, position, emails, language, is_primary)
            SELECT %6$s, a.id,
                   CASE WHEN a.kind = 'INDIVIDUAL' THEN a.legal_name
                        ELSE (%4$s)[1 + (a.code::bigint / 7) %% 30] || ' ' || (%5$s)[1 + (a.code::bigint / 11) %% 50] END,
                   CASE WHEN a.kind = 'INDIVIDUAL' THEN NULL ELSE 'Gerente' END,
                   ARRAY['contacto' || a.code || '@correo.example'],
                   'es',
                   true
              FROM accounts a
             WHERE a.code::bigint %% 3 = 0
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    AccountGenerator(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Adds {@code count} accounts to the tenant bound to the current thread (call inside
     * {@code TenantContext.callAsSystem}), in batches of {@link #BATCH}, one transaction each.
     */
    long generate(UUID tenantId, long count) {
        String sql = INSERT.formatted(ACTIVITIES, ROOTS, PLACES, FIRST_NAMES, LAST_NAMES, UUID_V7, cifDigitSum());
        long done = 0;
        long started = System.nanoTime();
        while (done < count) {
            long n = Math.min(BATCH, count - done);
            transactions.executeWithoutResult(status -> {
                Long first = jdbc.queryForObject(
                        "INSERT INTO account_code_counter (next_value) VALUES (:n + 1) ON CONFLICT (tenant_id)"
                                + " DO UPDATE SET next_value = account_code_counter.next_value + :n"
                                + " RETURNING next_value - :n",
                        new MapSqlParameterSource("n", n),
                        Long.class);
                jdbc.update(sql, new MapSqlParameterSource("first", first).addValue("n", n));
            });
            done += n;
            LOG.info(
                    "Tenant {}: {} of {} accounts generated ({} s)",
                    tenantId,
                    done,
                    count,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        return done;
    }

    /** The weighted digit sum of a CIF's seven digits (column {@code cif}), odd positions doubled. */
    private static String cifDigitSum() {
        StringBuilder sum = new StringBuilder();
        for (int position = 1; position <= 7; position++) {
            String digit = "substr(cif, " + position + ", 1)::int";
            if (!sum.isEmpty()) {
                sum.append(" + ");
            }
            sum.append(position % 2 == 1 ? "((" + digit + " * 2) / 10 + (" + digit + " * 2) % 10)" : digit);
        }
        return sum.toString();
    }

    private static String array(String... values) {
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < values.length; i++) {
            array.append(i == 0 ? "" : ", ")
                    .append('\'')
                    .append(values[i].replace("'", "''"))
                    .append('\'');
        }
        return array.append(']').toString();
    }
}
