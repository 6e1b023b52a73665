// The kinds of open deadline the agenda lists (core/agenda.ts), in the order
// `sscard due --kind` offers them. A leaf, so that the command line's
// declaration of `due` (src/cli/commands/due.command.ts, loaded at every
// start) takes the list without loading a rule.
export const AGENDA_KINDS = ['registration', 'separation', 'activation', 'collection', 'renewal'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
