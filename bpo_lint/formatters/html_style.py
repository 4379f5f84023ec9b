"""The HTML report's inline stylesheet: readable on screen, in print and in greyscale.

Status and severity never rely on colour alone: every badge also carries a symbol and a word.
"""

CSS = """
:root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee7; --paper: #ffffff; --bg: #f4f6f9;
  --red: #a4161a; --red-bg: #fde8e8; --amber: #8a5a00; --amber-bg: #fff3d6;
  --green: #1e6b34; --green-bg: #e3f4e8; --blue: #1f4f8f; --blue-bg: #e6eefa;
  --grey: #4b5563; --grey-bg: #eceef1; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.5 Georgia, "Times New Roman", serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1, h2, h3, h4, .badge, .meta, table, .where, .rule, .overview, footer {
  font-family: "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 22px; margin: 0 0 4px; word-break: break-all; }
h3 { font-size: 18px; margin: 28px 0 10px; }
h4 { font-size: 16px; margin: 22px 0 8px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: 14px; margin: 0 0 12px; }
.file { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 24px 28px; margin: 24px 0; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0 0; padding: 0; list-style: none; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 8px; font-size: 13px;
  font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.s-error, .st-missing { color: var(--red); background: var(--red-bg); }
.s-warning, .st-partial { color: var(--amber); background: var(--amber-bg); }
.s-info { color: var(--blue); background: var(--blue-bg); }
.st-covered { color: var(--green); background: var(--green-bg); }
.st-unknown { color: var(--grey); background: var(--grey-bg); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px;
  border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; }
td.area { font-weight: 600; width: 26%; }
td.status { width: 14%; }
td.where { width: 14%; color: var(--muted); }
ul.elements { margin: 0; padding: 0; list-style: none; }
ul.elements li { margin: 0 0 2px; }
.el-yes { color: var(--green); }
.el-no { color: var(--red); font-weight: 600; }
.finding { border-left: 5px solid var(--grey); padding: 10px 14px; margin: 0 0 12px;
  background: var(--paper); border-radius: 0 6px 6px 0; box-shadow: 0 0 0 1px var(--line); }
.finding.s-error { border-left-color: var(--red); background: var(--paper); color: var(--ink); }
.finding.s-warning { border-left-color: #c98a00; background: var(--paper); color: var(--ink); }
.finding.s-info { border-left-color: var(--blue); background: var(--paper); color: var(--ink); }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.where { color: var(--muted); font-size: 14px; }
.message { margin: 6px 0; font-size: 17px; }
blockquote { margin: 6px 0; padding: 6px 12px; background: var(--bg);
  border-left: 3px solid var(--line);
  font-style: italic; white-space: pre-wrap; }
.fix { margin: 6px 0 0; }
.fix strong { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: var(--green); }
.rule { color: var(--muted); font-size: 12px; margin-top: 6px; }
.error-box { border: 2px solid var(--red); background: var(--red-bg); padding: 12px 16px;
  border-radius: 6px; }
.none { color: var(--green); font-weight: 600; }
.glance { margin: 12px 0 0; font-size: 17px; }
.overview td, .overview th { font-size: 14px; }
footer { color: var(--muted); font-size: 13px; margin-top: 32px; }
@media print { body { background: #fff; }
  .file { border: none; padding: 0; page-break-before: always; }
  .finding { break-inside: avoid; } }
"""
