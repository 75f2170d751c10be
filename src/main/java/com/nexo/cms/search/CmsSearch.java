package com.nexo.cms.search;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over titles, summaries, bodies and the text of documents, in Spanish and English
 * (PostgreSQL text search, accents ignored, stems per language), over what the current actor may read:
 * editors everything of the tenant, employees published internal items of their roles, portal actors
 * their audience (by their role's policies).
 *
 * <p>CONTRACT STUB: helper B implements it.
 */
@Service
public class CmsSearch {

    /** The best matches for {@code query} (words; quotes for a phrase), of one kind when given. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<SearchHit> search(String query, ContentKind kind, int limit) {
        throw new UnsupportedOperationException("contract stub");
    }
}
