// The web view's only style sheet and script, served by sscard itself (SPEC
// 2.5: offline, nothing from the internet). The pages work without the
// script; it only submits a filter when it changes and stops a form from
// being sent twice.
export const STYLE = `
:root { color-scheme: light; --fg: #1d2530; --muted: #5c6673; --line: #d8dde3; --bg: #f6f7f9; --accent: #1f5fae; --red: #b3261e; --amber: #8a5a00; --green: #1e6b35; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; justify-content: space-between; align-items: center; padding: .5rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
nav { display: flex; gap: 1.1rem; align-items: baseline; flex-wrap: wrap; }
nav strong { font-size: 1.1rem; margin-right: .5rem; }
nav a, a.lang { color: var(--accent); text-decoration: none; }
nav a[aria-current="page"] { font-weight: 600; border-bottom: 2px solid var(--accent); }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
h1 { font-size: 1.45rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
footer { color: var(--muted); font-size: .85rem; padding: 1rem 1.25rem; border-top: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f4; font-weight: 600; font-size: .9rem; }
tr.overdue td { color: var(--red); }
tr.soon td { color: var(--amber); }
.answer { font-size: 1.15rem; padding: .75rem 1rem; border-radius: 6px; background: #fff; border-left: 6px solid var(--amber); margin-bottom: 1rem; }
.answer.yes { border-left-color: var(--green); }
.answer p { margin: .2rem 0; }
.answer p.alert { color: var(--red); }
.notice { padding: .6rem 1rem; background: #e8f1fb; border: 1px solid #b9d3f0; border-radius: 6px; margin: .75rem 0; }
.error { padding: .6rem 1rem; background: #fdecea; border: 1px solid #f1b8b3; border-radius: 6px; margin: .75rem 0; color: var(--red); }
.muted { color: var(--muted); font-size: .9rem; }
form.inline { display: inline-flex; gap: .35rem; align-items: center; margin: 0; }
form.filters { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
input, select, button { font: inherit; padding: .3rem .5rem; border: 1px solid #b9c1ca; border-radius: 4px; background: #fff; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
.grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
.month { table-layout: fixed; }
.month td { height: 3.6rem; font-size: .85rem; }
.month td.other { color: #aab; background: #fafbfc; }
.month td.today { outline: 2px solid var(--accent); outline-offset: -2px; }
.month td.past a { color: var(--red); }
.month a { display: block; color: var(--accent); }
.person dl { display: grid; grid-template-columns: 9rem 1fr; gap: .25rem 1rem; background: #fff; border: 1px solid var(--line); padding: .75rem 1rem; margin: 0; }
.person dt { font-weight: 600; color: var(--muted); }
.person dd { margin: 0; }
.person dd p { margin: 0; }
.person dd p.d2 { padding-left: 1.25rem; }
.pager { margin: .75rem 0; display: flex; gap: 1rem; }
code { background: #eef1f4; padding: 0 .25rem; border-radius: 3px; }
`;

export const SCRIPT = `'use strict';
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('select[data-autosubmit]') && target.form) target.form.submit();
});
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset.sent) { event.preventDefault(); return; }
  form.dataset.sent = '1';
});
`;
