/**
 * Uploaded files behind one interface ({@link com.nexo.base.files.FileStorage}): written once, read as a
 * stream, deleted. On a single machine the bytes live in PostgreSQL ({@link
 * com.nexo.base.files.DatabaseFileStorage}, chunks of 1 MiB under the tenant's row-level security); an
 * object store can take its place behind the same interface.
 */
package com.nexo.base.files;
