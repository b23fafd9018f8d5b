-- The inventory snapshot. Device rows are versioned by generation: a row belongs to generation g
-- when valid_from <= g AND (valid_to IS NULL OR valid_to > g). A full sync stages its rows with
-- valid_from = g+1 (invisible to readers of g), then one transaction retires the old rows and
-- makes g+1 current. An incremental sync changes only the rows that changed, in one transaction.
-- Superseded rows are deleted after publication; rows of a sync that never finished are deleted
-- when the database is next opened. Readers always see one whole generation.

ALTER TABLE snapshot_generations ADD COLUMN kind TEXT NOT NULL DEFAULT 'full'
    CHECK (kind IN ('full', 'incremental'));
-- Highest lastInventoryUpdateDate seen: where the next incremental sync starts (minus overlap).
ALTER TABLE snapshot_generations ADD COLUMN watermark TEXT;

CREATE TABLE devices (
    row_id                INTEGER PRIMARY KEY,
    valid_from            INTEGER NOT NULL REFERENCES snapshot_generations (id),
    valid_to              INTEGER,
    jamf_id               TEXT    NOT NULL,
    content_hash          INTEGER NOT NULL,     -- detects "changed" without comparing columns
    management_id         TEXT,
    name                  TEXT    NOT NULL,
    role                  TEXT    NOT NULL CHECK (role IN ('student', 'shared_teacher', 'teacher', 'other')),
    role_reason           TEXT    NOT NULL,
    rne                   TEXT,
    cart                  TEXT,
    serial_number         TEXT,
    udid                  TEXT,
    asset_tag             TEXT,
    model                 TEXT,
    model_identifier      TEXT,
    os_version            TEXT,
    os_build              TEXT,
    managed               INTEGER,
    supervised            INTEGER,
    shared_ipad           INTEGER,
    resident_users        INTEGER,
    quota_mb              INTEGER,
    battery_level         INTEGER,
    capacity_mb           INTEGER,
    available_mb          INTEGER,
    username              TEXT,
    real_name             TEXT,
    email                 TEXT,
    building              TEXT,
    department            TEXT,
    room                  TEXT,
    site_id               TEXT,
    ip_address            TEXT,
    wifi_mac              TEXT,
    last_inventory_update TEXT,                 -- RFC 3339 as the server sent it
    last_contact          TEXT,
    lost_mode_enabled     INTEGER,
    lost_mode_persistent  INTEGER,
    lost_mode_message     TEXT,
    lost_mode_phone       TEXT,
    lost_mode_footnote    TEXT
);
CREATE UNIQUE INDEX devices_version ON devices (jamf_id, valid_from);
CREATE INDEX devices_retired ON devices (valid_to);
CREATE INDEX devices_from ON devices (valid_from);

CREATE TABLE device_apps (
    device_row        INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE,
    identifier        TEXT,
    name              TEXT,
    version           TEXT,
    short_version     TEXT,
    management_status TEXT
);
CREATE INDEX device_apps_row ON device_apps (device_row);

CREATE TABLE device_profiles (
    device_row   INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE,
    display_name TEXT,
    identifier   TEXT,
    uuid         TEXT,
    version      TEXT
);
CREATE INDEX device_profiles_row ON device_profiles (device_row);

CREATE TABLE device_groups (
    device_row INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE,
    group_id   TEXT,
    group_name TEXT,
    smart      INTEGER
);
CREATE INDEX device_groups_row ON device_groups (device_row);

-- The local accounts of a Shared iPad (up to 10 cached users).
CREATE TABLE device_shared_users (
    device_row       INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE,
    managed_apple_id TEXT,
    logged_in        INTEGER,
    data_to_sync     INTEGER
);
CREATE INDEX device_shared_users_row ON device_shared_users (device_row);

-- "Name contains" search over the fields the guide's search box covers, plus installed apps.
-- Trigram: matches any substring of 3+ characters, case- and accent-insensitive.
CREATE VIRTUAL TABLE device_search USING fts5 (
    name, serial_number, asset_tag, username, real_name, model, apps,
    content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
);

-- One row per sync attempt, kept for the summary the UI and CLI show.
CREATE TABLE sync_runs (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('full', 'incremental')),
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    generation_id INTEGER REFERENCES snapshot_generations (id) ON DELETE SET NULL,
    device_count  INTEGER,
    added         INTEGER,
    changed       INTEGER,
    removed       INTEGER,
    error         TEXT
);
