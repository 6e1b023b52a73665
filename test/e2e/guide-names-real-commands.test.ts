// `sscard guide` tells people which commands to type (issue 26: the card-making
// and card-policy topics): every `sscard ...` it names, in either language, is
// a command sscard has, with the options it names.
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/cli/text/guide-topics.js';
import { run } from './harness.js';

/** The `sscard ...` spans of a step: the command's words (up to the first option or placeholder) and its options. */
function commandsOf(step: string): { words: string[]; options: string[] }[] {
  return [...step.matchAll(/`sscard ([^`]+)`/g)].map(([, text = '']) => {
    const tokens = text.split(/\s+/);
    const end = tokens.findIndex((t) => !/^[a-z][a-z-]*$/.test(t));
    return { words: end === -1 ? tokens : tokens.slice(0, end), options: tokens.filter((t) => /^--[a-z-]+$/.test(t)) };
  });
}

describe('the guide names real commands', () => {
  it.each(['en', 'zh'])('%s: every command and option a topic names exists', (lang) => {
    const topics = run(['guide', '--json', '--lang', lang]).json.topics as { topic: string; steps: string[] }[];
    expect(topics.map((t) => t.topic)).toEqual([...TOPICS]);
    const named = topics.flatMap((t) => t.steps.flatMap(commandsOf).map((c) => ({ ...c, topic: t.topic })));
    // The new topics name the card-making and policy commands.
    for (const words of [['card', 'apply'], ['card', 'ready'], ['card', 'fail'], ['card', 'set-policy'], ['policies']])
      expect(
        named.some((c) => c.words.join(' ') === words.join(' ')),
        words.join(' '),
      ).toBe(true);
    const help = new Map<string, string>();
    for (const { words, options, topic } of named) {
      const key = words.join(' ');
      if (!help.has(key)) {
        const r = run([...words, '--help', '--lang', 'en']);
        expect(r.code, `${topic}: sscard ${key}`).toBe(0);
        // The help is that command's (commander shows a parent's help for a word it does not know): its usage
        // names the command, and any word after it is the command's argument (guide activate, policies ID).
        const usage = /^Usage: sscard (.*)$/m.exec(r.stdout)?.[1] ?? '';
        const tokens = usage.split(/\s+/);
        const first = tokens.findIndex((t) => !/^[a-z][a-z-]*$/.test(t));
        const path = first === -1 ? tokens : tokens.slice(0, first);
        expect(words.slice(0, path.length), `${topic}: sscard ${key}`).toEqual(path);
        if (words.length > path.length) expect(usage, `${topic}: sscard ${key}`).toMatch(/\[(?!options\]|command\])[^\]]+\]|<[^>]+>/);
        help.set(key, r.stdout);
      }
      for (const option of options) expect(help.get(key), `${topic}: sscard ${key} ${option}`).toContain(option);
    }
  });
});
