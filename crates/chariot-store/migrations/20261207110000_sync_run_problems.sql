-- What a successful sync survived, per run: devices whose inventory Jamf Pro could only partly
-- read (sections it answered empty, LENIENT), and lost devices whose position could not be
-- read. NULL for runs recorded before this column (not known), 0 when none.
ALTER TABLE sync_runs ADD COLUMN incomplete INTEGER;
ALTER TABLE sync_runs ADD COLUMN positions_unread INTEGER;
