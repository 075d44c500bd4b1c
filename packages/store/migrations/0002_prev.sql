-- 0002 — the hash chain's `prev` of a case line in a column of its own, and snapshots stored uncompressed.
-- Before this, a chained line was not in the store's canonical form and was kept whole in
-- `raw` beside its columns (twice the bytes); now only a line that is really not canonical is.
-- A nullable column without a default: instant, no table rewrite.
ALTER TABLE jc_events ADD COLUMN prev text;

-- Snapshots are typed columns already as compact as they get: store them uncompressed and out
-- of line (no pglz on save, no decompression on reopen). Applies to snapshots saved from now on.
ALTER TABLE jc_snapshots ALTER COLUMN data SET STORAGE EXTERNAL;
