package com.nexo.articles.units;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The units of measure of the current tenant. */
@Service
public class UnitService {

    /** The units every tenant starts with; the first of each kind is its base (factor 1). */
    static final List<UnitOfMeasure> STANDARD = List.of(
            unit("ud", "unidad", "unit", UnitKind.COUNT, "1", 0),
            unit("par", "par", "pair", UnitKind.COUNT, "2", 0),
            unit("doc", "docena", "dozen", UnitKind.COUNT, "12", 0),
            unit("caja10", "caja de 10", "box of 10", UnitKind.COUNT, "10", 0),
            unit("caja100", "caja de 100", "box of 100", UnitKind.COUNT, "100", 0),
            unit("kg", "kilogramo", "kilogram", UnitKind.MASS, "1", 3),
            unit("g", "gramo", "gram", UnitKind.MASS, "0.001", 0),
            unit("t", "tonelada", "tonne", UnitKind.MASS, "1000", 3),
            unit("m", "metro", "metre", UnitKind.LENGTH, "1", 2),
            unit("cm", "centímetro", "centimetre", UnitKind.LENGTH, "0.01", 0),
            unit("mm", "milímetro", "millimetre", UnitKind.LENGTH, "0.001", 0),
            unit("l", "litro", "litre", UnitKind.VOLUME, "1", 2),
            unit("ml", "mililitro", "millilitre", UnitKind.VOLUME, "0.001", 0),
            unit("m2", "metro cuadrado", "square metre", UnitKind.AREA, "1", 2),
            unit("h", "hora", "hour", UnitKind.TIME, "1", 2),
            unit("min", "minuto", "minute", UnitKind.TIME, "0.016666666667", 0));

    private final UnitRepository units;

    UnitService(UnitRepository units) {
        this.units = units;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ, Roles.SYSTEM})
    public List<UnitOfMeasure> listUnits() {
        return units.findAllByOrderByKindAscFactorAsc();
    }

    /** The units of the tenant as views show them, by kind and then size. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ, Roles.SYSTEM})
    public List<UnitRow> units() {
        return units.findAllByOrderByKindAscFactorAsc().stream()
                .map(UnitRow::of)
                .toList();
    }

    /** The unit with this id as views show it. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public UnitRow unitRow(UUID id) {
        return UnitRow.of(unit(id));
    }

    /** Adds the standard units the tenant does not have yet (by code); returns how many were added. */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public int ensureStandardUnits() {
        int added = 0;
        for (UnitOfMeasure standard : STANDARD) {
            if (units.findByCode(standard.getCode()).isEmpty()) {
                units.save(new UnitOfMeasure(
                        standard.getCode(),
                        standard.getNameEs(),
                        standard.getNameEn(),
                        standard.getKind(),
                        standard.getFactor(),
                        standard.getDecimals()));
                added++;
            }
        }
        return added;
    }

    /** The unit with this id (for other modules converting quantities). */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public UnitOfMeasure unit(UUID id) {
        return units.findById(id).orElseThrow(() -> new ArticleRuleException("articles.error.unit-not-found"));
    }

    private static UnitOfMeasure unit(String code, String es, String en, UnitKind kind, String factor, int decimals) {
        return new UnitOfMeasure(code, es, en, kind, new BigDecimal(factor), decimals);
    }
}
