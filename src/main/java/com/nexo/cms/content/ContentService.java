package com.nexo.cms.content;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentLanguage;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing content: items and their texts in both languages, slugs, audiences, revisions (every save
 * keeps a snapshot with who changed which fields) and restore, publication (now or scheduled),
 * unpublishing and deletion, images and attachments. Markdown is rendered and sanitised here
 * ({@link MarkdownRenderer}) so readers are only ever served the stored safe HTML.
 *
 * <p>CONTRACT STUB: signatures fixed by the lead; helper A implements them.
 */
@Service
public class ContentService {

    /** Largest image (png, jpeg, webp, gif) an editor may upload into a text. */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    /** Largest attachment or document file. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    /** Creates a draft (revision 1) and returns its id. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public UUID create(ItemDraft draft) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Saves a new state of the item as a new revision; {@code version} as read (concurrent edit refused). */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void update(UUID id, long version, ItemDraft draft, String note) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** The item with its texts, for the editor. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public ItemDetail get(UUID id) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** A page of the content list, newest change first. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<ItemRow> list(ItemFilter filter, ContentLanguage language, int offset, int limit) {
        throw new UnsupportedOperationException("contract stub");
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public long count(ItemFilter filter) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Publishes now, or schedules when the item's publish-at lies ahead. */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void publish(UUID id, long version) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Back to draft: no reader sees it any more. */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void unpublish(UUID id, long version) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Deletes the item with its texts, revisions and attachments (files it alone used go too). */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void delete(UUID id, long version) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Every saved state, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<RevisionRow> revisions(UUID id) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** The item as it was at a revision (texts and settings), to look at before restoring. */
    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public ItemDetail atRevision(UUID id, int revision) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Saves the state of {@code revision} as a new revision (its status stays the current one). */
    @Transactional
    @RolesAllowed(CmsPermissions.PUBLISH)
    public void restore(UUID id, int revision, long version) {
        throw new UnsupportedOperationException("contract stub");
    }

    /**
     * Uploads an image or file into an item (type and size checked: images up to {@link
     * #MAX_IMAGE_BYTES}, other files up to {@link #MAX_FILE_BYTES}, executables and HTML refused).
     */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public AttachmentRow attach(UUID itemId, String name, String contentType, InputStream content) {
        throw new UnsupportedOperationException("contract stub");
    }

    @Transactional(readOnly = true)
    @RolesAllowed(CmsPermissions.EDIT)
    public List<AttachmentRow> attachments(UUID itemId) {
        throw new UnsupportedOperationException("contract stub");
    }

    /**
     * Sets a document's file in one language (a replace keeps the earlier file in the earlier
     * revision) with its extracted text for the search; a new revision. Called by the library.
     */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void setDocumentFile(UUID itemId, long version, ContentLanguage language, UUID fileId, String fileText) {
        throw new UnsupportedOperationException("contract stub");
    }

    /**
     * The allowed type of a file of this name whose first bytes are {@code head}; refuses with {@code
     * cms.error.file-type} otherwise. Used by the library before storing a document.
     */
    public static String checkFileType(String fileName, byte[] head) {
        throw new UnsupportedOperationException("contract stub");
    }
}
