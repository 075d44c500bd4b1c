-- 0001 — the event store: streams, events, commands, checkpoints, snapshots, imports.
-- Forward-only: a later change is a new file (0002_…), never an edit of this one.
-- Applied in one transaction on open, the same on PGlite and on a PostgreSQL server (≥ 13).

-- One row per stream: its type and its current version (the number of its events).
-- Appends lock this row (optimistic concurrency: UPDATE … WHERE version = expected).
CREATE TABLE jc_streams (
  stream_id   text        PRIMARY KEY,
  stream_type text        NOT NULL,
  version     integer     NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Every event, once. `position` is the global order of the feed (commit order: positions are
-- taken under a transaction-scoped advisory lock held until commit); `tx_id` is the writing
-- transaction, so that readers can stop below the oldest transaction still in flight.
CREATE TABLE jc_events (
  position       bigserial   PRIMARY KEY,
  stream_id      text        NOT NULL,
  version        integer     NOT NULL,
  stream_type    text        NOT NULL,
  type           text        NOT NULL,
  schema_version integer     NOT NULL DEFAULT 1,
  data           json        NOT NULL,          -- json keeps the text as written (export is byte-identical)
  meta           json        NOT NULL DEFAULT '{}',
  time           double precision NOT NULL,     -- domain time, epoch ms
  hash           text,                          -- the per-case integrity hash of the log line, if any
  raw            text,                          -- the original log line, only when it is not the canonical form
  tx_id          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jc_events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX jc_events_type_position ON jc_events (stream_type, position);

-- Idempotency: a command id seen before returns the first result (its stream and versions).
CREATE TABLE jc_commands (
  command_id   text        PRIMARY KEY,
  stream_id    text        NOT NULL,
  from_version integer     NOT NULL,
  to_version   integer     NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);

-- Projection progress: the last global position a projection has applied.
CREATE TABLE jc_checkpoints (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Projection snapshots: the projection's state as of `position`.
CREATE TABLE jc_snapshots (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL,
  data       bytea       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Bulk imports in progress: lines of the source already committed (the import resumes there).
CREATE TABLE jc_imports (
  name       text        PRIMARY KEY,
  lines      bigint      NOT NULL,
  events     bigint      NOT NULL,
  done       boolean     NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
