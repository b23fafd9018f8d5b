-- Issue #6, second part.
-- 1. A target can be `refused`: a precondition was not met (not supervised, not a Shared
--    iPad…), so nothing was sent. SQLite cannot alter a CHECK: the table is rebuilt.
CREATE TABLE job_targets_new (
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    jamf_id       TEXT NOT NULL,
    device_name   TEXT NOT NULL,
    management_id TEXT,
    state         TEXT NOT NULL CHECK (state IN
                      ('not_sent', 'submitted', 'pending', 'not_now', 'done', 'failed',
                       'unknown', 'refused')),
    command_uuid  TEXT,
    error         TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (job_id, jamf_id)
);
INSERT INTO job_targets_new
    SELECT job_id, jamf_id, device_name, management_id, state, command_uuid, error, updated_at
    FROM job_targets;
DROP TABLE job_targets;
ALTER TABLE job_targets_new RENAME TO job_targets;
CREATE INDEX job_targets_by_state ON job_targets (state, job_id);

-- 2. The audit journal: every action, who sent it, when, and each device's result. Append-only:
--    the triggers refuse any change or deletion, whoever asks.
CREATE TABLE journal (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    account     TEXT NOT NULL,            -- the Jamf Pro account (never a password)
    job_id      INTEGER,                  -- no foreign key: the journal outlives jobs
    action      TEXT NOT NULL,            -- e.g. enable_lost_mode
    event       TEXT NOT NULL CHECK (event IN ('requested', 'refused', 'result', 'retried')),
    device_id   TEXT,
    device_name TEXT,
    state       TEXT,                     -- a target state for `refused` and `result`
    detail      TEXT NOT NULL DEFAULT ''  -- parameters in words, an error, a reason
);
CREATE INDEX journal_by_time ON journal (at, id);
CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the audit journal is append-only');
END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the audit journal is append-only');
END;

-- 3. What Chariot last learnt about the server (its version), so the screens can tell offline
--    which actions the server can do.
CREATE TABLE server_facts (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
