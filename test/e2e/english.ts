// The detector of untranslated English used by test/e2e/language.test.ts.

/**
 * English prose left in a text once what may stay is taken out: command lines
 * (`sscard card issue ...`), options, placeholders (<id>, [options]), quoted or
 * back-quoted values, environment variables, paths, and single words (proper
 * nouns and codes such as SQLite, JSON, wechat, GB 11643, YYYY-MM-DD). Two
 * English words in a row are a sentence that was not translated.
 */
export function englishIn(text: string): string[] {
  const stripped = text
    .replace(/^ {2}(sscard|source) .*$/gm, '') // example lines: commands to paste
    .replace(/^ {2}[a-z][\w.-]*(?= {2,}| \[| <)/gm, ' ') // the first column of help's lists: a command's or an argument's name
    .replace(/\w+(,\w+)+/g, ' ') // a list of column names or choices
    .replace(/sscard( [a-z][a-z-]*)*/g, ' ') // a command's name and words
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|'[^']*'/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|\s)-{1,2}[A-Za-z][\w-]*/g, ' ')
    .replace(/\$[A-Z_]+/g, ' ')
    .replace(/[~.]?\/[\w./-]+/g, ' ')
    .replace(/\b(YYYY-MM-DD|GB \d+|LC_ALL|LC_MESSAGES|LANG|NO_COLOR)\b/g, ' ');
  return stripped.match(/[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,})+/g) ?? [];
}
