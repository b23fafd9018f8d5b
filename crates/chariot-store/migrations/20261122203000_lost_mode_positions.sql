-- The last position a lost device reported. Only the Classic API carries coordinates (the Jamf
-- Pro API has accuracy and time but no latitude/longitude), so the sync reads them there for
-- devices in lost mode. NULL: not in lost mode, never reported, or not readable (privilege).
ALTER TABLE devices ADD COLUMN lost_latitude REAL;
ALTER TABLE devices ADD COLUMN lost_longitude REAL;
ALTER TABLE devices ADD COLUMN lost_accuracy_m REAL;
ALTER TABLE devices ADD COLUMN lost_reported_at TEXT;
