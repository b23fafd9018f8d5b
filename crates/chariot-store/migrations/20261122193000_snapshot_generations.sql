-- A snapshot generation is one complete copy of the fleet as a sync saw it. A sync writes a new
-- generation and flips `is_current` in one transaction, so readers always see a whole snapshot
-- and a failed sync leaves the previous one untouched.
CREATE TABLE snapshot_generations (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL CHECK (source IN ('jamf', 'demo')),
    started_at    TEXT    NOT NULL,           -- RFC 3339, UTC
    completed_at  TEXT,                       -- NULL while the sync is still writing it
    is_current    INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    device_count  INTEGER NOT NULL DEFAULT 0 CHECK (device_count >= 0),
    CHECK (is_current = 0 OR completed_at IS NOT NULL)
);

-- At most one current generation, enforced by the database rather than by convention.
CREATE UNIQUE INDEX snapshot_generations_one_current
    ON snapshot_generations (is_current) WHERE is_current = 1;
