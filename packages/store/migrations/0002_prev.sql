-- 0002 — the hash chain's `prev` of a case line (core's ChainWriter) in a column of its own.
-- Before this, a chained line was not in the store's canonical form and was kept whole in
-- `raw` beside its columns (twice the bytes); now only a line that is really not canonical is.
-- A nullable column without a default: instant, no table rewrite.
ALTER TABLE jc_events ADD COLUMN prev text;
