-- Installed apps are stored once per distinct list ("app set") instead of once per device.
--
-- Why: the iPads of a school carry the same apps at the same versions (the simulated
-- district: 10 000 iPads, 102 000 app rows, 44 distinct lists). Writing every device's apps,
-- and indexing them by name for the search, was a third of a full sync's time. A device now
-- points at its list; a list is written the first time a sync meets it.
--
-- fingerprint: a 64-bit hash of the list's content computed by Chariot (rows.rs), unique;
-- NULL for the lists migrated below (one per device, never matched by a new sync, deleted
-- once no device version points at them any more).

CREATE TABLE app_sets (
    id          INTEGER PRIMARY KEY,
    fingerprint INTEGER UNIQUE
);

CREATE TABLE app_set_items (
    set_id            INTEGER NOT NULL REFERENCES app_sets (id) ON DELETE CASCADE
                          DEFERRABLE INITIALLY DEFERRED,
    identifier        TEXT,
    name              TEXT,
    version           TEXT,
    short_version     TEXT,
    management_status TEXT
);
CREATE INDEX app_set_items_set ON app_set_items (set_id);
-- The search by app name: app names matching the search → the lists holding them.
CREATE INDEX app_set_items_name ON app_set_items (name, set_id);

-- No foreign key: a list is deleted only once no device version points at it
-- (Store::collect_garbage), and a device without a list simply shows no app.
ALTER TABLE devices ADD COLUMN app_set INTEGER;
CREATE INDEX devices_app_set ON devices (app_set);

INSERT INTO app_sets (id, fingerprint) SELECT DISTINCT device_row, NULL FROM device_apps;
INSERT INTO app_set_items
    SELECT device_row, identifier, name, version, short_version, management_status
    FROM device_apps ORDER BY device_row, rowid;
UPDATE devices SET app_set = row_id WHERE row_id IN (SELECT id FROM app_sets);
DROP TABLE device_apps;
