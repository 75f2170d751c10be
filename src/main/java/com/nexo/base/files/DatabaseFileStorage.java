package com.nexo.base.files;

import com.nexo.base.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link FileStorage} in PostgreSQL: a {@code stored_file} row and the bytes in {@code stored_file_chunk}
 * rows of up to 1 MiB, so that writing and reading hold one chunk at a time. Joins the caller's
 * transaction (one must exist: the context and role come from it).
 */
@Component
class DatabaseFileStorage implements FileStorage {

    /** The columns of a file's description ({@link #description}). */
    private static final String DESCRIPTION =
            "SELECT id, name, content_type, size, sha256, purpose, created_at, created_by FROM stored_file";

    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;

    DatabaseFileStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile store(String name, String contentType, String purpose, InputStream content, long maxBytes)
            throws IOException {
        return write(null, name, contentType, purpose, content, maxBytes);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFile storeForAccount(
            UUID partyId, String name, String contentType, String purpose, InputStream content, long maxBytes)
            throws IOException {
        return write(
                java.util.Objects.requireNonNull(partyId, "partyId"), name, contentType, purpose, content, maxBytes);
    }

    /** Writes a new file; {@code partyId} null leaves the owner to the column's default (the actor's account). */
    private StoredFile write(
            UUID partyId, String name, String contentType, String purpose, InputStream content, long maxBytes)
            throws IOException {
        UUID id = Ids.newId();
        MessageDigest digest = sha256();
        // The row first (the chunks refer to it); size and digest are written once all bytes are in.
        jdbc.sql("INSERT INTO stored_file (id, name, content_type, size, sha256, purpose, party_id)"
                        + " VALUES (:id, :name, :type, 0, repeat('0', 64), :purpose,"
                        + " coalesce(CAST(:party AS uuid), nexo_party_id()))")
                .param("id", id)
                .param("name", clean(name))
                .param("type", contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType)
                .param("purpose", purpose)
                .param("party", partyId, java.sql.Types.OTHER)
                .update();
        long size = 0;
        int seq = 0;
        byte[] buffer = new byte[CHUNK];
        while (true) {
            int filled = content.readNBytes(buffer, 0, CHUNK);
            if (filled == 0) {
                break;
            }
            size += filled;
            if (size > maxBytes) {
                throw new FileTooLargeException(maxBytes);
            }
            byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
            digest.update(chunk);
            jdbc.sql("INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (:id, :seq, :data)")
                    .param("id", id)
                    .param("seq", seq++)
                    .param("data", chunk)
                    .update();
            if (filled < CHUNK) {
                break;
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        jdbc.sql("UPDATE stored_file SET size = :size, sha256 = :sha WHERE id = :id")
                .param("size", size)
                .param("sha", sha)
                .param("id", id)
                .update();
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql(DESCRIPTION + " WHERE id = :id")
                .param("id", id)
                .query(DatabaseFileStorage::description)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<UUID, StoredFile> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(DESCRIPTION + " WHERE id = ANY (:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(DatabaseFileStorage::description)
                .list()
                .stream()
                .collect(Collectors.toMap(StoredFile::id, file -> file));
    }

    private static StoredFile description(ResultSet rs, int row) throws SQLException {
        return new StoredFile(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("purpose"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean copyTo(UUID id, OutputStream out) throws IOException {
        if (find(id).isEmpty()) {
            return false;
        }
        int chunks = jdbc.sql("SELECT count(*) FROM stored_file_chunk WHERE file_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        // One chunk per statement: never more than 1 MiB of the file in memory.
        for (int seq = 0; seq < chunks; seq++) {
            byte[] data = jdbc.sql("SELECT data FROM stored_file_chunk WHERE file_id = :id AND seq = :seq")
                    .param("id", id)
                    .param("seq", seq)
                    .query(byte[].class)
                    .single();
            out.write(data);
        }
        return true;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<InputStream> open(UUID id) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        int chunks = jdbc.sql("SELECT count(*) FROM stored_file_chunk WHERE file_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        return Optional.of(new ChunkStream(id, chunks));
    }

    /** Reads chunk after chunk, each when the previous one is used up. */
    private final class ChunkStream extends InputStream {
        private final UUID id;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(UUID id, int chunks) {
            this.id = id;
            this.chunks = chunks;
        }

        private boolean fill() {
            while (position >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                current = jdbc.sql("SELECT data FROM stored_file_chunk WHERE file_id = :id AND seq = :seq")
                        .param("id", id)
                        .param("seq", next++)
                        .query(byte[].class)
                        .single();
                position = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM stored_file WHERE id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean deleteOwnUpload(UUID id) {
        return jdbc.sql("DELETE FROM stored_file WHERE id = :id AND created_by = nexo_user_id()")
                        .param("id", id)
                        .update()
                > 0;
    }

    private static String clean(String name) {
        String base =
                name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
