package com.nexo.production.boms;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** CONTRACT STUB (helper A replaces the bodies): bills of materials, versions and their lines. */
@Service
public class BomService {

    /** A new DRAFT version of the article's bill (revision = last + 1, lines copied from the latest version). */
    public UUID createVersion(BomForm form) {
        throw new UnsupportedOperationException("helper A");
    }

    /** Replaces the lines of a DRAFT version; refuses a cycle. Returns the new version number of the bill row. */
    public long saveLines(UUID bomId, long version, List<BomLineForm> lines) {
        throw new UnsupportedOperationException("helper A");
    }

    /** DRAFT -> ACTIVE: the bill is in force from valid_from; overlapping active versions are refused. */
    public void activate(UUID bomId, long version) {
        throw new UnsupportedOperationException("helper A");
    }
}
