-- The four per-device lists (apps, profiles, groups, Shared iPad users) now check their
-- link to the device row at commit rather than at each statement.
--
-- Why: a sync writes these lists 64 rows per INSERT. With an immediate foreign key, SQLite
-- must be able to undo half of such a statement, so it copied every page the statement
-- touched into a statement journal (a temporary file) first: ~10 % of a full sync's time.
-- A deferred key is still checked (a transaction leaving a row without its device fails at
-- COMMIT) and ON DELETE CASCADE still removes a device's lists at once; together with
-- INSERT OR FAIL (chariot-store/src/device_writes.rs) no statement journal is needed.
--
-- SQLite cannot alter a constraint: each table is rebuilt (same columns, same order, same
-- rows), then its indexes. Nothing references these tables, so they can be dropped with
-- foreign keys on.

CREATE TABLE device_apps_new (
    device_row        INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE
                          DEFERRABLE INITIALLY DEFERRED,
    identifier        TEXT,
    name              TEXT,
    version           TEXT,
    short_version     TEXT,
    management_status TEXT
);
INSERT INTO device_apps_new SELECT device_row, identifier, name, version, short_version, management_status FROM device_apps;
DROP TABLE device_apps;
ALTER TABLE device_apps_new RENAME TO device_apps;
CREATE INDEX device_apps_row ON device_apps (device_row);
CREATE INDEX device_apps_name ON device_apps (name, device_row);

CREATE TABLE device_profiles_new (
    device_row   INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE
                     DEFERRABLE INITIALLY DEFERRED,
    display_name TEXT,
    identifier   TEXT,
    uuid         TEXT,
    version      TEXT
);
INSERT INTO device_profiles_new SELECT device_row, display_name, identifier, uuid, version FROM device_profiles;
DROP TABLE device_profiles;
ALTER TABLE device_profiles_new RENAME TO device_profiles;
CREATE INDEX device_profiles_row ON device_profiles (device_row);

CREATE TABLE device_groups_new (
    device_row INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE
                   DEFERRABLE INITIALLY DEFERRED,
    group_id   TEXT,
    group_name TEXT,
    smart      INTEGER
);
INSERT INTO device_groups_new SELECT device_row, group_id, group_name, smart FROM device_groups;
DROP TABLE device_groups;
ALTER TABLE device_groups_new RENAME TO device_groups;
CREATE INDEX device_groups_row ON device_groups (device_row);

-- The local accounts of a Shared iPad (up to 10 cached users).
CREATE TABLE device_shared_users_new (
    device_row       INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE
                         DEFERRABLE INITIALLY DEFERRED,
    managed_apple_id TEXT,
    logged_in        INTEGER,
    data_to_sync     INTEGER
);
INSERT INTO device_shared_users_new SELECT device_row, managed_apple_id, logged_in, data_to_sync FROM device_shared_users;
DROP TABLE device_shared_users;
ALTER TABLE device_shared_users_new RENAME TO device_shared_users;
CREATE INDEX device_shared_users_row ON device_shared_users (device_row);
