// sscard guide [TOPIC]: the how-to steps, offline (the topics: text/guide-topics.ts).
import { InvalidInput } from '../../core/errors.js';
import type { Context } from '../context.js';
import { TOPICS, type Topic } from '../text/guide-topics.js';

export async function run(ctx: Context, args: { topic?: string }): Promise<void> {
  if (args.topic !== undefined && !(TOPICS as readonly string[]).includes(args.topic)) {
    throw new InvalidInput('unknown-topic', ctx.m.errors['unknown-topic']({ topic: args.topic.slice(0, 30), topics: TOPICS }));
  }
  const topics = args.topic ? [args.topic as Topic] : TOPICS;
  // --json: the same guide as data, each topic's steps an array (in the user's language).
  if (ctx.json) {
    ctx.out.write(`${JSON.stringify({ topics: topics.map((topic) => ({ topic, ...ctx.m.guide.topics[topic] })) }, null, 2)}\n`);
    return;
  }
  const text = topics.map((topic) => {
    const { title, steps } = ctx.m.guide.topics[topic];
    return `${ctx.color.bold(title)}\n${steps.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}\n`;
  });
  ctx.out.write(text.join('\n'));
}
