-- Stored files (base, V56) are written as a row first and their size and digest set once all chunks
-- are in (DatabaseFileStorage.store), but V56 granted staff no UPDATE: every upload failed with
-- "permission denied for table stored_file". Staff may set those two columns and nothing else.
GRANT UPDATE (size, sha256) ON stored_file TO ${staff_role};
