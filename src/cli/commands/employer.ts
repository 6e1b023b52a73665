// sscard employer add NAME [--uscc CODE] [--city CITY] | employer list |
// employer set NAME --city CITY (SPEC 1.10): employers as records, with the
// unified social credit code (统一社会信用代码, checked by its check
// character) and the city whose contribution data applies (参保地).
import * as z from 'zod/mini';
import { NotFound } from '../../core/errors.js';
import type { Employer } from '../../core/employer.js';
import type { Context } from '../context.js';
import { cityName, cityOf, contributionTable, EmployerBook } from './shared/contributions-data.js';
import { parseInput, required, textField } from './shared/input.js';
import { writeJson } from './shared/output.js';

const FLAGS = { name: '<name>', uscc: '--uscc', city: '--city' };

export async function add(ctx: Context, args: { name?: string; uscc?: string; city?: string }): Promise<void> {
  const name = await required(ctx, args.name, '<name>', ctx.m.employer.askName);
  const input = parseInput(ctx.m, z.object({ name: textField, uscc: z.optional(textField), city: z.optional(textField) }), { ...args, name }, FLAGS);
  const store = await ctx.openStore({ write: true });
  const table = await contributionTable(ctx, store);
  const city = cityOf(table, input.city);
  const outcome = await store.write(async (tx) => {
    const book = await EmployerBook.of(tx);
    const before = book.get(input.name);
    const employer = await book.record(ctx, tx, { name: input.name, uscc: input.uscc ?? null, city }, { uscc: '--uscc', city: '--city' });
    return { employer, changed: before === null ? 'created' : before.uscc === employer.uscc && before.city === employer.city ? 'unchanged' : 'updated' };
  });
  done(ctx, outcome.employer, outcome.changed as 'created' | 'updated' | 'unchanged', table);
}

export async function set(ctx: Context, args: { name?: string; city?: string; uscc?: string }): Promise<void> {
  const name = await required(ctx, args.name, '<name>', ctx.m.employer.askName);
  const city = await required(ctx, args.city, '--city', ctx.m.employer.askCity);
  const input = parseInput(ctx.m, z.object({ name: textField, city: textField, uscc: z.optional(textField) }), { ...args, name, city }, FLAGS);
  const reader = await ctx.openStore({ write: false });
  if (reader === null || !(await reader.employers()).some((e) => e.name === input.name)) {
    throw new NotFound('employer-not-found', ctx.m.employer.notFound(JSON.stringify(input.name.slice(0, 60))));
  }
  const store = await ctx.openStore({ write: true });
  const table = await contributionTable(ctx, store);
  const outcome = await store.write(async (tx) => {
    const book = await EmployerBook.of(tx);
    const before = book.get(input.name);
    const employer = await book.record(
      ctx,
      tx,
      { name: input.name, uscc: input.uscc ?? null, city: cityOf(table, input.city) },
      { uscc: '--uscc', city: '--city' },
    );
    return { employer, changed: before && before.uscc === employer.uscc && before.city === employer.city ? 'unchanged' : 'updated' };
  });
  done(ctx, outcome.employer, outcome.changed as 'updated' | 'unchanged', table);
}

export async function list(ctx: Context): Promise<void> {
  const store = await ctx.openStore({ write: false });
  const employers = store ? await store.employers() : [];
  const table = await contributionTable(ctx, store);
  if (ctx.json) {
    writeJson(ctx, { employers: employers.map((e) => ({ ...e, hasData: e.city !== null && table.years.some((y) => y.city === e.city) })) });
    return;
  }
  if (employers.length === 0) {
    ctx.out.write(`${ctx.m.employer.none}\n`);
    return;
  }
  for (const e of employers) ctx.out.write(`${line(ctx, e, table)}\n`);
}

function line(ctx: Context, e: Employer, table: Awaited<ReturnType<typeof contributionTable>>): string {
  const m = ctx.m.employer;
  const city = e.city === null ? m.noCity : table.years.some((y) => y.city === e.city) ? cityName(ctx, table, e.city) : m.cityWithoutData(e.city);
  return `${e.name}  ${e.uscc ?? m.noUscc}  ${city}`;
}

function done(ctx: Context, employer: Employer, changed: 'created' | 'updated' | 'unchanged', table: Awaited<ReturnType<typeof contributionTable>>): void {
  if (ctx.json) {
    writeJson(ctx, { changed, employer });
    return;
  }
  ctx.out.write(`${ctx.m.employer.done(changed)}\n${line(ctx, employer, table)}\n`);
}
