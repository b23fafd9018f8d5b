-- Search, faster on big fleets: the device index no longer holds each device's app list (a
-- term such as "Jamf Self Service", installed everywhere, made every search read 50 000 long
-- documents). App names are indexed once each in app_search, and a match leads to the devices
-- through device_apps (name). Also an index that gives the inventory's default order (by name)
-- without sorting.

DROP TABLE device_search;
CREATE VIRTUAL TABLE device_search USING fts5 (
    name, serial_number, asset_tag, username, real_name, model,
    content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO device_search (rowid, name, serial_number, asset_tag, username, real_name, model)
    SELECT row_id, name, serial_number, asset_tag, username, real_name, model FROM devices;

-- Every app name ever seen (names no current device has simply match nothing).
CREATE TABLE app_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE app_search USING fts5 (
    name, content = 'app_names', content_rowid = 'id', tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER app_names_indexed AFTER INSERT ON app_names BEGIN
    INSERT INTO app_search (rowid, name) VALUES (new.id, new.name);
END;
CREATE INDEX device_apps_name ON device_apps (name, device_row);
INSERT OR IGNORE INTO app_names (name)
    SELECT DISTINCT name FROM device_apps WHERE name IS NOT NULL;

CREATE INDEX devices_by_name ON devices (name COLLATE NOCASE, jamf_id, valid_from, valid_to, row_id);
