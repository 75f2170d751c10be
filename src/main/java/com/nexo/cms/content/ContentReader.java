package com.nexo.cms.content;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading published content as the current actor: employees what is published to internal readers of
 * their roles, portal actors what their role's policies let them read (their audience), the visitor
 * (public pages) what is public. Every text comes in the reader's language or the other.
 *
 * <p>CONTRACT STUB: helper C implements it.
 */
@Service
public class ContentReader {

    /** The latest published news for the current actor, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<ReadableItem> latestNews(ContentLanguage language, int limit) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Published items of a kind for the current actor (pages, news, articles of a category when given). */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<ReadableItem> published(
            ContentKind kind, UUID categoryId, ContentLanguage language, int offset, int limit) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** One published item the current actor may read. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Optional<ReadableItem> read(UUID id, ContentLanguage language) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** A published public item by its slug, for the visitor of a public page. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.VISITOR)
    public Optional<ReadableItem> publicItem(String slug, ContentLanguage language) {
        throw new UnsupportedOperationException("contract stub");
    }
}
