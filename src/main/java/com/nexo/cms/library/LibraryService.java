package com.nexo.cms.library;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentLanguage;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document library: folders with their audience and editing roles; documents uploaded into them
 * (through {@code FileStorage}, the text of PDFs extracted for the search), replaced (the earlier file
 * kept in the earlier revision) and downloaded. Documents are CMS items of kind DOCUMENT, written
 * through {@code ContentService}.
 *
 * <p>CONTRACT STUB: helper B implements it.
 */
@Service
public class LibraryService {

    /** Folders the current user may see, as a flat list (parents before children). */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<FolderRow> folders() {
        throw new UnsupportedOperationException("contract stub");
    }

    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public UUID createFolder(FolderDraft draft) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Saves a folder; a changed audience reaches every document in it. */
    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public void updateFolder(UUID id, long version, FolderDraft draft) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Deletes an empty folder (one with documents or sub-folders is refused). */
    @Transactional
    @RolesAllowed(CmsPermissions.FOLDERS)
    public void deleteFolder(UUID id, long version) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** The documents of a folder the current user may read (drafts only for its editors). */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<DocumentRow> documents(UUID folderId, ContentLanguage language) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Uploads a new document (a draft) into a folder the user may edit; returns the item id. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public UUID upload(
            UUID folderId,
            ContentLanguage language,
            String title,
            String fileName,
            String contentType,
            InputStream content) {
        throw new UnsupportedOperationException("contract stub");
    }

    /** Replaces a document's file in one language: a new revision, the earlier file kept. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void replace(
            UUID documentId,
            long version,
            ContentLanguage language,
            String fileName,
            String contentType,
            InputStream content) {
        throw new UnsupportedOperationException("contract stub");
    }

    /**
     * Writes the document's current file in {@code language} (or the other when missing) to {@code out}.
     *
     * @return the file's name and type, or empty when the user may not read it
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public java.util.Optional<com.nexo.base.files.StoredFile> download(
            UUID documentId, ContentLanguage language, OutputStream out) {
        throw new UnsupportedOperationException("contract stub");
    }
}
