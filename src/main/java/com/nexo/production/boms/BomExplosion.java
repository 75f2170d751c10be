package com.nexo.production.boms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** CONTRACT STUB (helper A replaces the body): the whole tree of a bill in one recursive query. */
@Service
public class BomExplosion {

    /** The bill in force on {@code date} for {@code articleId}, exploded for {@code quantity} units, depth-first. */
    public List<ExplodedLine> explode(UUID articleId, BigDecimal quantity, LocalDate date) {
        throw new UnsupportedOperationException("helper A");
    }
}
