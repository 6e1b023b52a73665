// The options several commands take, each declared once: its flag, and the
// placeholder its help shows. A command gives the words (its own help text
// from the catalogue, src/cli/text/messages/ `help`), since `--on` means the
// day of a different fact in each; the value is read by the command
// (commands/shared/input.ts), not by commander.
import { Option } from 'commander';

const option = (flags: string) => (help: string) => new Option(flags, help);

/** The day the fact happened (default: the day the command judges, `today`). */
export const onDate = option('--on <date>');
/** The card's number (社会保障卡卡号), as printed on it. */
export const cardNumber = option('--card <card-number>');
/** The holder's citizen identity number (公民身份号码). */
export const idNumber = option('--id <id-number>');
/** Skips the confirmation a destructive command asks for (needed without a terminal). */
export const yes = option('--yes');
/** A card policy's id (data/policies.json, SPEC 1.8). */
export const policyId = option('--policy <id>');
/** The card's generation: second or third (第二代, 第三代社会保障卡). */
export const generation = option('--generation <2|3>');
/** An employer's name as the ledger records it. */
export const employerName = option('--employer <name>');
/** The person's name. */
export const personName = option('--name <name>');
/** The bank a card is issued with, or replaced at. */
export const bankName = option('--bank <name>');
/** The outlet (网点) where a card is collected or activated. */
export const outletName = option('--outlet <name>');
/** The channel a fact went through (an e-card's app, where a card was enabled). */
export const channel = option('--channel <channel>');
/** A free-text reason, recorded with the event. */
export const reasonText = option('--reason <text>');
/** The day the person was hired. */
export const hiredOn = option('--hired-on <date>');
/** An employer's unified social credit code (统一社会信用代码). */
export const usccCode = option('--uscc <code>');
/** The city whose contribution rates apply to an employer. */
export const cityName = option('--city <city>');
