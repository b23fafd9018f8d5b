-- Actions on devices (issue #6): one job per action, one row per targeted device with its own
-- state, so a bulk action reports each device's result and survives a restart.
CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,                -- e.g. update_inventory, restart_device
    params     TEXT NOT NULL DEFAULT '{}',   -- the command's fields as JSON; never a secret
    account    TEXT NOT NULL,                -- the Jamf Pro account that sent it
    created_at TEXT NOT NULL
);

CREATE TABLE job_targets (
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    jamf_id       TEXT NOT NULL,
    device_name   TEXT NOT NULL,
    management_id TEXT,
    -- not_sent → submitted → pending / not_now → done | failed; unknown when a send timed
    -- out (the server may have acted): never re-sent without the user deciding.
    state         TEXT NOT NULL CHECK (state IN
                      ('not_sent', 'submitted', 'pending', 'not_now', 'done', 'failed', 'unknown')),
    command_uuid  TEXT,
    error         TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (job_id, jamf_id)
);
