// Each catalogue builds its sections when first read (messages/built.ts, issue
// 31): a getter `get status() { return built(this, 'status', {...}) }` names
// its section twice. A getter whose name and key differ would build its
// section at every read and leave a stray property: this walks both
// catalogues and checks that every getter, once read, has become a plain
// property of its own name holding the same object at every later read.
import { describe, expect, it, vi } from 'vitest';

function sectionsOf(owner: object, path: string, found: string[]): void {
  const keysBefore = Object.keys(owner);
  for (const key of Reflect.ownKeys(owner)) {
    if (typeof key !== 'string') continue;
    const before = Object.getOwnPropertyDescriptor(owner, key)!;
    const value = (owner as Record<string, unknown>)[key];
    if (before.get !== undefined) {
      found.push(`${path}${key}`);
      const after = Object.getOwnPropertyDescriptor(owner, key)!;
      expect(after.get, `${path}${key} is still a getter after its first read`).toBeUndefined();
      expect(after.enumerable, `${path}${key}`).toBe(true);
      expect((owner as Record<string, unknown>)[key], `${path}${key} is built again at its second read`).toBe(value);
    }
    if (value !== null && typeof value === 'object') sectionsOf(value, `${path}${key}.`, found);
  }
  expect(Object.keys(owner), `${path || 'the catalogue'}: a section put itself under another name`).toEqual(keysBefore);
}

describe("the catalogues' sections, built on first read", () => {
  it('become plain properties of their own names, built once, the same sections in both languages', async () => {
    // Fresh catalogues: the unit tests share modules, and another test may have read the sections already.
    vi.resetModules();
    const { en } = await import('../../src/cli/text/messages/en.js');
    const { zh } = await import('../../src/cli/text/messages/zh.js');
    const english: string[] = [];
    const chinese: string[] = [];
    sectionsOf(en, '', english);
    sectionsOf(zh, '', chinese);
    expect(english.length).toBeGreaterThan(50);
    expect(chinese.sort()).toEqual(english.sort());
  });
});
