-- Configuration profiles are stored once per distinct list, as the apps are
-- (20261123090000_app_sets.sql): the iPads of a cart carry the same profiles (the simulated
-- district: 22 500 profile rows, 928 distinct lists). Read only for a device's detail, so
-- devices need no index on it.

CREATE TABLE profile_sets (
    id          INTEGER PRIMARY KEY,
    fingerprint INTEGER UNIQUE
);

CREATE TABLE profile_set_items (
    set_id       INTEGER NOT NULL REFERENCES profile_sets (id) ON DELETE CASCADE
                     DEFERRABLE INITIALLY DEFERRED,
    display_name TEXT,
    identifier   TEXT,
    uuid         TEXT,
    version      TEXT
);
CREATE INDEX profile_set_items_set ON profile_set_items (set_id);

ALTER TABLE devices ADD COLUMN profile_set INTEGER;

INSERT INTO profile_sets (id, fingerprint) SELECT DISTINCT device_row, NULL FROM device_profiles;
INSERT INTO profile_set_items
    SELECT device_row, display_name, identifier, uuid, version
    FROM device_profiles ORDER BY device_row, rowid;
UPDATE devices SET profile_set = row_id WHERE row_id IN (SELECT id FROM profile_sets);
DROP TABLE device_profiles;
