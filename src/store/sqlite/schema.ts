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
  // v2: events are the truth (SPEC 1.6): each event's source and payload
  // version; v1 payloads rewritten to the v2 shapes (src/core/events.ts), the
  // cache tables extended (the end of a hire, the card's policy and two
  // functions, losses). The one-card-in-force index goes: a card sealed by its
  // policy is out of force without a stored state change, so the rule lives
  // in the core (decideIssue) alone. The cache is rebuilt from the events
  // after this script (ledger.ts, rebuildCache).
  `
  ALTER TABLE event ADD COLUMN source TEXT NOT NULL DEFAULT 'sscard v1';
  ALTER TABLE event ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE hire ADD COLUMN left_on TEXT;
  ALTER TABLE hire ADD COLUMN separation_done_on TEXT;
  ALTER TABLE card ADD COLUMN policy TEXT NOT NULL DEFAULT 'seed';
  ALTER TABLE card ADD COLUMN generation INTEGER NOT NULL DEFAULT 2;
  ALTER TABLE card ADD COLUMN expires_on TEXT;
  ALTER TABLE card ADD COLUMN enabled_on TEXT;
  ALTER TABLE card ADD COLUMN loss_kind TEXT;
  ALTER TABLE card ADD COLUMN loss_reported_on TEXT;
  ALTER TABLE card ADD COLUMN loss_resumes TEXT;
  DROP INDEX card_in_force;
  CREATE INDEX event_on ON event (concerns_on) WHERE concerns_on IS NOT NULL;
  CREATE INDEX hire_separation_open ON hire (left_on) WHERE left_on IS NOT NULL AND separation_done_on IS NULL;
  CREATE INDEX card_guardian ON card (guardian_id) WHERE guardian_id IS NOT NULL;

  -- Official holiday schedules loaded by the user (SPEC 1.2: sscard calendar load),
  -- kept in the ledger so that a shared ledger shares them; one per year.
  CREATE TABLE calendar_year (
    year        INTEGER PRIMARY KEY,
    loaded_on   TEXT NOT NULL,             -- the day it was loaded (China time)
    recorded_at TEXT NOT NULL,             -- the instant, from the real clock
    file        TEXT NOT NULL,             -- the file's name, as given
    schedule    TEXT NOT NULL              -- holiday-cn's JSON: {year, days}
  );

  DROP TRIGGER event_append_only;
  UPDATE event SET data = json_object('name', json_extract(data, '$.to')) WHERE kind = 'person.renamed';
  UPDATE event SET data = json_object('employer', json_extract(data, '$.employer'), 'hiredOn', concerns_on, 'hireKind', json_extract(data, '$.hireKind'))
   WHERE kind = 'hire.recorded';
  UPDATE event SET data = json_object('card', json_extract(data, '$.card'), 'bank', json_extract(data, '$.bank'), 'policy', 'seed',
                                      'generation', 2, 'expiresOn', NULL, 'replaces', json_extract(data, '$.replaces'))
   WHERE kind = 'card.issued';
  UPDATE event SET data = json_object('card', json_extract(data, '$.card')) WHERE kind IN ('card.received', 'card.cancelled');
  -- v1 kept a guardian's number on the card only; the event now carries it.
  UPDATE event SET data = json_object('card', json_extract(data, '$.card'), 'outlet', json_extract(data, '$.outlet'),
                                      'guardian', CASE WHEN json_extract(data, '$.guardian')
                                                       THEN (SELECT guardian_id FROM card WHERE number = json_extract(event.data, '$.card')) END)
   WHERE kind = 'card.activated';
  UPDATE event SET data = json_object('card', json_extract(data, '$.card'), 'temporary', json('false')) WHERE kind = 'card.lost';
  UPDATE event SET data = json_object('card', json_extract(data, '$.card'), 'newCard', json_extract(data, '$.newCard'), 'reason', NULL)
   WHERE kind = 'card.replaced';
  UPDATE event SET v = 2;
  CREATE TRIGGER event_append_only BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
  // v3: card-making progress (SPEC 1.3 v3): the application a card completed
  // (申领) and the day and outlet it reached for collection (网点签收). `ready`
  // is derived from ready_on (as `sealed` is from the day), so the state
  // column keeps its values.
  `
  ALTER TABLE card ADD COLUMN applied_on TEXT;
  ALTER TABLE card ADD COLUMN ready_on TEXT;
  ALTER TABLE card ADD COLUMN ready_at TEXT;
  `,
  // v4 (SPEC 1.9, 1.10): employers as records, and contribution years loaded
  // by the user; ledger data beside the events, like calendar_year.
  `
  -- A hire's monthly contribution base (缴费基数), in fen: the replay of hire.based.
  ALTER TABLE hire ADD COLUMN base INTEGER;

  CREATE TABLE employer (
    name        TEXT PRIMARY KEY,          -- as hires name it
    uscc        TEXT UNIQUE,               -- 统一社会信用代码 (GB 32100-2015), checked
    city        TEXT,                      -- 参保地: a city id of the contribution data, or as typed
    recorded_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE contribution_year (
    city        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    loaded_on   TEXT NOT NULL,             -- the day it was loaded (China time)
    recorded_at TEXT NOT NULL,
    file        TEXT NOT NULL,             -- the file's name, as given
    entry       TEXT NOT NULL,             -- the year as checked, its sources included: JSON
    PRIMARY KEY (city, year)
  ) WITHOUT ROWID;
  `,
  // v5 (issue 31): a past day's two lists of people read from indexes, not from passes over the event table.
  // Who has facts dated after the day: a range of event_on, now with the person. Which of them had a fact that day
  // (ledger.ts, withEarlierFacts): each one's dated events in event_person, now with their day, and event_odd, the
  // few events whose kind alone decides (a rename; a fact without a day, or a record with one: sscard writes neither,
  // but a ledger may hold them). No index holds the kind: reads take it from the table, so a damaged kind is
  // still named by every command that reads the event (issue 29 item 10).
  `
  DROP INDEX event_on;
  CREATE INDEX event_on ON event (concerns_on, person_id) WHERE concerns_on IS NOT NULL;
  DROP INDEX event_person;
  CREATE INDEX event_person ON event (person_id, seq, concerns_on);
  CREATE INDEX event_odd ON event (person_id) WHERE kind = 'person.renamed' OR (kind = 'person.recorded') <> (concerns_on IS NULL);
  `,
  // v6 (issue 31): the four tables that name a person check that person when their transaction commits (DEFERRABLE
  // INITIALLY DEFERRED), not at each statement; nothing else changes. Why: an import writes several new people's rows
  // in one INSERT per table (pending-rows.ts), and SQLite keeps a statement journal for every statement that writes
  // several rows and may stop half-way, which a key checked at each statement always may (fkey.c). Past 64 KiB that
  // journal is a temporary file holding pages of the ledger as they were, identity numbers among them. A key checked
  // at commit cannot stop a statement; the INSERTs say OR FAIL for their other constraints. A row naming nobody
  // still never lands: the COMMIT fails and the transaction is rolled back.
  // How: the constraint's text is changed where SQLite keeps it, in sqlite_schema, which SQLite documents for a
  // change that leaves every stored byte as it was and every row valid (https://www.sqlite.org/lang_altertable.html,
  // "Making Other Kinds Of Table Schema Changes": writable_schema; file.ts runs migrations with better-sqlite3's
  // defensive mode off for it). The other way, each table made again and its rows copied, took 62 s for a
  // 1,000,000-hire ledger with the indexes made first, or wrote a statement journal of 25.8 MB to /var/tmp for
  // 100,000 hires with the indexes made after (pages freed by the old tables, their rows in them), and left the
  // file half as large again. RESET reads the schema again; the events' trigger is then made again as it was, a
  // schema change, so every other connection reads the schema again too (SQLite's schema cookie).
  `
  PRAGMA writable_schema = ON;
  UPDATE sqlite_schema
     SET sql = replace(sql, 'REFERENCES person(id) ON DELETE CASCADE,', 'REFERENCES person(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,')
   WHERE type = 'table' AND name IN ('hire', 'card', 'ecard', 'event');
  PRAGMA writable_schema = RESET;
  DROP TRIGGER event_append_only;
  CREATE TRIGGER event_append_only BEFORE UPDATE ON event
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
  // v7 (issue 31): one employer's open registrations and separations (the web view's agenda of one employer) read
  // from indexes that lead with the employer. Without them the agenda read every open hire's entry to find the
  // employer's: 313 ms at 3,000,000 hires for an employer with a few open hires (npm run bench, tenth stop), 8 ms
  // with them. An import pays for keeping them: +8% CPU at 1,000,000 rows (README, the web view).
  `
  CREATE INDEX hire_unregistered_by_employer ON hire (employer, hired_on) WHERE registered_on IS NULL;
  CREATE INDEX hire_separation_open_by_employer ON hire (employer, left_on) WHERE left_on IS NOT NULL AND separation_done_on IS NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
/**
 * From this version on a ledger holds every table and column this version writes: the migrations after it (v5,
 * v6, v7) add indexes or change when keys are checked only, so a dry run may read and write it, in a transaction rolled back, without migrating it.
 */
export const TABLES_VERSION = 4;
/** The first version whose person keys are checked at commit (v6): an import may write several people's rows per INSERT (pending-rows.ts). */
export const DEFERRED_KEYS_VERSION = 6;
/** The first version with v7's indexes of one employer's open hires: an older ledger read without migrating is read without them. */
export const EMPLOYER_INDEXES_VERSION = 7;
/** The first version with v5's past-day indexes (event_on with the person, event_person with the day, event_odd): an older ledger read without migrating is read without them. */
export const PAST_DAY_INDEXES_VERSION = 5;

const SCHEMA_ENTRIES = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'";

/** What a ledger's schema is compared by: every table, index and trigger sscard made, with its CREATE text. */
export const SCHEMA_QUERY = `${SCHEMA_ENTRIES} ORDER BY type, name`;

/**
 * A file's identity and schema read by one statement, so in one snapshot:
 * read one by one, another command creating the same new ledger could commit
 * between them (a blank file's id, then that command's tables) and the file
 * would be refused as someone else's. One row per SCHEMA_QUERY row (one with
 * a null type when there is none), each with the file's application id,
 * version and number of schema entries (SQLite's own included).
 */
export const IDENTITY_QUERY = `SELECT a.application_id AS applicationId, v.user_version AS version, (SELECT count(*) FROM sqlite_schema) AS entries, s.type, s.name, s.tbl_name, s.sql FROM pragma_application_id AS a, pragma_user_version AS v LEFT JOIN (${SCHEMA_ENTRIES}) AS s ON 1 ORDER BY s.type, s.name`;
