package com.nexo.base.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where uploaded files go. A file is written once from a stream (never held whole in memory), read back
 * as a stream and deleted when nothing refers to it any more; a new version of a document is a new
 * file. Every call joins the caller's transaction and runs under its actor's row-level security: staff
 * reads and writes its tenant's files; other actors read only what the referring module's policies let
 * them. The caller checks its own permission first; this interface checks none.
 */
public interface FileStorage {

    /**
     * Stores the bytes of {@code content} as a new file of the current tenant.
     *
     * @param purpose who keeps it, e.g. {@code cms-document} (lower case, for housekeeping)
     * @param maxBytes the largest size accepted
     * @throws FileTooLargeException when the content passes {@code maxBytes} (nothing is kept)
     */
    StoredFile store(String name, String contentType, String purpose, InputStream content, long maxBytes)
            throws IOException;

    /**
     * Stores a file for an account (a party): staff hands it to a client, supplier or professional, whose
     * portal user may then read it (never change or delete it). A portal user's own uploads belong to
     * its account already through {@link #store}; a portal user naming another account is refused by the
     * database.
     *
     * @throws FileTooLargeException when the content passes {@code maxBytes} (nothing is kept)
     */
    StoredFile storeForAccount(
            UUID partyId, String name, String contentType, String purpose, InputStream content, long maxBytes)
            throws IOException;

    /** The file's description, if the current actor may read it. */
    Optional<StoredFile> find(UUID id);

    /**
     * The descriptions of the files among {@code ids} that the current actor may read, by id, in one
     * read (for a page of a list).
     */
    Map<UUID, StoredFile> findAll(Collection<UUID> ids);

    /**
     * Writes the file's bytes to {@code out}, chunk by chunk.
     *
     * @return false when there is no such file the current actor may read (nothing written)
     */
    boolean copyTo(UUID id, OutputStream out) throws IOException;

    /**
     * The file's bytes as a stream read on demand, one stored chunk at a time: each chunk is read by a
     * statement in the transaction current on the reading thread when it is needed, so one stream may
     * be read across several transactions of the same actor (a long import reads its file so).
     *
     * @return empty when there is no such file the current actor may read
     */
    Optional<InputStream> open(UUID id);

    /** Deletes the file and its bytes; false when there was none. */
    boolean delete(UUID id);

    /**
     * Deletes the file and its bytes if the current user uploaded it itself: a portal user removing
     * its own upload. False (nothing deleted) when there is no such file, or someone else (an employee
     * who handed it over, another user of the account) stored it. The database's policies hold the same
     * line for portal roles; this check also holds it for an employee's session.
     */
    boolean deleteOwnUpload(UUID id);
}
