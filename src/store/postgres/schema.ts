// The shared ledger's schema in PostgreSQL (SPEC 3.2): the same tables as the
// SQLite ledger at its version 2, in a schema of their own, versioned in
// `meta` (PostgreSQL has no user_version). Each entry of MIGRATIONS moves the
// schema one version forward; never change what a released one makes.
// Statements run with search_path set to the ledger's schema. Every statement
// is idempotent (IF NOT EXISTS, OR REPLACE): a migration that met another
// first writer runs again (pg-store.ts), and Citus may apply DDL outside one
// transaction (issue 30: the engine stays within what Citus schema-based
// sharding supports). v1 gained its IF NOT EXISTS after release; what it
// makes is unchanged.

/** Marks a schema as an sscard ledger (as application_id does a SQLite file). */
export const APPLICATION = 'sscard';

export const MIGRATIONS: readonly string[] = [
  // v1 (= SQLite v2). Identity numbers and card numbers sort bytewise
  // (COLLATE "C"), as in SQLite, whatever the database's locale: `export`
  // lists people in the same order on both engines. Days are ISO text, as in
  // SQLite, so that no time zone of the server or the driver can move them.
  `
  CREATE TABLE IF NOT EXISTS meta (
    application text NOT NULL,
    version     integer NOT NULL
  );

  CREATE TABLE IF NOT EXISTS person (
    id   text COLLATE "C" PRIMARY KEY,
    name text
  );

  CREATE TABLE IF NOT EXISTS hire (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id          text COLLATE "C" NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind               text NOT NULL CHECK (kind IN ('employee', 'flexible')),
    employer           text NOT NULL DEFAULT '',
    hired_on           text NOT NULL,
    registered_on      text,
    left_on            text,
    separation_done_on text,
    -- The same hire recorded twice by two officers at once: one of them fails here.
    UNIQUE (person_id, employer, hired_on)
  );
  CREATE INDEX IF NOT EXISTS hire_unregistered ON hire (hired_on) WHERE registered_on IS NULL;
  CREATE INDEX IF NOT EXISTS hire_separation_open ON hire (left_on) WHERE left_on IS NOT NULL AND separation_done_on IS NULL;

  CREATE TABLE IF NOT EXISTS card (
    number           text COLLATE "C" PRIMARY KEY,
    person_id        text COLLATE "C" NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    seq              integer NOT NULL,
    bank             text,
    policy           text NOT NULL DEFAULT 'seed',
    generation       integer NOT NULL DEFAULT 2,
    expires_on       text,
    state            text NOT NULL CHECK (state IN ('issued', 'received', 'activated', 'lost', 'replaced', 'cancelled')),
    issued_on        text,
    received_on      text,
    enabled_on       text,
    activated_on     text,
    outlet           text,
    guardian_id      text COLLATE "C",
    loss_kind        text,
    loss_reported_on text,
    loss_resumes     text,
    ended_on         text,
    replaced_by      text COLLATE "C"
  );
  CREATE INDEX IF NOT EXISTS card_person ON card (person_id, seq);
  CREATE INDEX IF NOT EXISTS card_waiting ON card (received_on) WHERE state = 'received';
  CREATE INDEX IF NOT EXISTS card_guardian ON card (guardian_id) WHERE guardian_id IS NOT NULL;

  CREATE TABLE IF NOT EXISTS ecard (
    person_id  text COLLATE "C" PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
    channel    text,
    claimed_on text NOT NULL
  );

  -- Official holiday schedules loaded by the user (SPEC 1.2: sscard calendar load), one per year:
  -- in the shared ledger, every officer's deadlines count the same days.
  CREATE TABLE IF NOT EXISTS calendar_year (
    year        integer PRIMARY KEY,
    loaded_on   text NOT NULL,
    recorded_at text NOT NULL,
    file        text NOT NULL,
    schedule    text NOT NULL
  );

  -- Append-only: every change, with when it was recorded and the day it concerns.
  CREATE SEQUENCE IF NOT EXISTS event_seq;
  CREATE TABLE IF NOT EXISTS event (
    seq         bigint PRIMARY KEY DEFAULT nextval('event_seq'),
    person_id   text COLLATE "C" NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind        text NOT NULL,
    concerns_on text,
    recorded_at text NOT NULL,
    source      text NOT NULL,
    v           integer NOT NULL,
    data        text NOT NULL DEFAULT '{}'
  );
  ALTER SEQUENCE event_seq OWNED BY event.seq;
  CREATE INDEX IF NOT EXISTS event_person ON event (person_id, seq);
  CREATE INDEX IF NOT EXISTS event_on ON event (concerns_on) WHERE concerns_on IS NOT NULL;
  -- Erasure (PIPL Art. 47) is the one exception, announced by the purging transaction itself.
  CREATE OR REPLACE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF current_setting('sscard.erasing', true) = 'on' THEN RETURN NEW; END IF;
    RAISE EXCEPTION 'events are append-only';
  END $$;
  CREATE OR REPLACE TRIGGER event_append_only BEFORE UPDATE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only();
  `,
  // v2: append-only by privilege (SPEC 3.2 v3). The README's writers have no
  // UPDATE or DELETE on event (nor DELETE on person, whose cascade would take
  // the events). Belt and braces for ledgers set up with older grants: the
  // trigger lets an event be updated or deleted only inside a purge (the
  // transaction says so) by a login that is the owner or a member of the
  // owner's role: session_user, not current_user, which is the table's owner
  // inside a cascade from person. TRUNCATE is refused outright. A clerk with
  // psql who sets sscard.erasing gets the same refusal (issue 30, defect 6).
  `
  CREATE OR REPLACE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'TRUNCATE' AND current_setting('sscard.erasing', true) = 'on'
       AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'events are append-only: only the ledger owner''s purge may change or delete one';
  END $$;
  CREATE OR REPLACE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only();
  CREATE OR REPLACE TRIGGER event_no_truncate BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION event_append_only();
  -- meta holds one row: a second first writer at the same moment fails here and re-reads the first one's ledger.
  CREATE UNIQUE INDEX IF NOT EXISTS meta_one_row ON meta ((true));
  `,
  // v3 (= SQLite v3): card-making progress (SPEC 1.3 v3): the application a
  // card completed (申领) and the day and outlet it reached for collection
  // (网点签收); `ready` is derived from ready_on, so the state check stays.
  `
  ALTER TABLE card ADD COLUMN IF NOT EXISTS applied_on text;
  ALTER TABLE card ADD COLUMN IF NOT EXISTS ready_on text;
  ALTER TABLE card ADD COLUMN IF NOT EXISTS ready_at text;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
