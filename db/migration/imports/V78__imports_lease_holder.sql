-- Which node holds a running import's lease. Every write of a job (chunk counts, load progress, start
-- and end) is made only while its node still holds the lease, so a node that stalled for longer than
-- the lease and wakes up after another node took its import over writes nothing more to it: its next
-- chunk rolls back. A node id is chosen afresh at each start of the application.
ALTER TABLE import_run ADD COLUMN lease_holder uuid;

COMMENT ON COLUMN import_run.lease_holder IS
    'The node (random id per application start) that holds the lease; the job''s writes require it.';
