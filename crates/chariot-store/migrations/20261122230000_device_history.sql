-- The management-command history of a device (Historique tab), as last read from the server.
-- A cache beside the snapshot: read on request (not by every sync, one request per device would
-- make syncs of a district slow), kept so the tab still shows it offline.
CREATE TABLE device_history (
    jamf_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,             -- order as the server listed them
    command    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('completed', 'pending', 'failed')),
    date       TEXT,                         -- RFC 3339 when known
    error      TEXT,
    PRIMARY KEY (jamf_id, position)
);

CREATE TABLE device_history_reads (
    jamf_id    TEXT PRIMARY KEY,
    fetched_at TEXT NOT NULL
);
