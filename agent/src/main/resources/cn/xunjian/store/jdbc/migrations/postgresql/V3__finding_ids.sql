-- Each finding's stable identity (a fingerprint of indicator, kind, URL and subject), so that the next run can
-- tell new, still open and fixed problems apart and the review console can follow one finding across runs.
-- Rows written before this column existed keep NULL and are matched by their old key.
ALTER TABLE XJ_FINDINGS ADD COLUMN FINDING_ID VARCHAR(40);
