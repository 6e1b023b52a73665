// The ledger's schema, versioned with PRAGMA user_version. Each entry of
// MIGRATIONS moves the file one version forward; never edit a released one.

/** 'SSCD': marks a file as an sscard ledger (PRAGMA application_id). */
export const APPLICATION_ID = 0x53534344;

export const MIGRATIONS: readonly string[] = [
  // v1
  `
  CREATE TABLE person (
    id          TEXT PRIMARY KEY,          -- the 18-character identity number (= social security number)
    name        TEXT
  ) WITHOUT ROWID;

  CREATE TABLE hire (
    id            INTEGER PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('employee', 'flexible')),
    employer      TEXT NOT NULL DEFAULT '', -- '' when not given: keeps (person, employer, hire date) unique
    hired_on      TEXT NOT NULL,
    registered_on TEXT,
    UNIQUE (person_id, employer, hired_on)
  );
  CREATE INDEX hire_unregistered ON hire (hired_on) WHERE registered_on IS NULL;

  CREATE TABLE card (
    number       TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,         -- order of the holder's cards, oldest first
    bank         TEXT,
    state        TEXT NOT NULL CHECK (state IN ('issued', 'received', 'activated', 'lost', 'replaced', 'cancelled')),
    issued_on    TEXT,
    received_on  TEXT,
    activated_on TEXT,
    outlet       TEXT,
    guardian_id  TEXT,
    ended_on     TEXT,
    replaced_by  TEXT
  ) WITHOUT ROWID;
  CREATE INDEX card_person ON card (person_id, seq);
  CREATE INDEX card_waiting ON card (received_on) WHERE state = 'received';
  -- One card in force per person (SPEC 1.3), enforced by the file as well as by the rules.
  CREATE UNIQUE INDEX card_in_force ON card (person_id) WHERE state IN ('issued', 'received', 'activated');

  CREATE TABLE ecard (
    person_id  TEXT PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
    channel    TEXT,
    claimed_on TEXT NOT NULL
  ) WITHOUT ROWID;

  -- Append-only: every change, with when it was recorded and the day it concerns.
  CREATE TABLE event (
    seq         INTEGER PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    concerns_on TEXT,
    recorded_at TEXT NOT NULL,
    data        TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX event_person ON event (person_id, seq);
  CREATE TRIGGER event_append_only BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
