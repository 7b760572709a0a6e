/**
 * The skills report as a Markdown document. Every piece of text from the user or a repository (notes,
 * paths, titles) is escaped so that it renders literally. Pure.
 */

import * as l10n from '@vscode/l10n';
import { practiceTitle } from '../detection';
import { escapeControl } from '../format';
import type { ReportGaps, ReportMark, SkillsReport } from './build';

/**
 * Escapes text (user notes, titles, hints) so it renders literally inline in Markdown and in HTML
 * previews: emphasis, code, links, tables, headings and raw HTML all come out as plain characters.
 * Markdown's backslash escapes, not HTML entities, so the raw file reads as written ("R & D").
 * Line breaks become spaces; every other control character (escape sequences, C1, bidi overrides)
 * is shown as a visible escape such as `\x1b` or `\u202e` (tabs stay tabs).
 */
export function escapeMarkdown(text: string): string {
  return showControls(escapeMarkdownSyntax(text));
}

/** Tabs are blanks in prose; every other control character becomes visible. */
function showControls(text: string): string {
  return text.split('\t').map(escapeControl).join('\t');
}

function escapeMarkdownSyntax(text: string): string {
  return (
    text
      // A run of blanks holding a line break becomes one space (`\s*[\r\n]+\s*` retried long runs without one).
      .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
      // Markdown's own backslash escapes, not HTML entities: the raw file reads "R & D", not "R &amp; D".
      // `\<` can start no HTML tag; `&` is escaped only where it would start an entity ("&amp;", "&#42;").
      .replace(/[\\`*_[\]|~#!$<>]|&(?=#?[a-z0-9]+;)/gi, (c) => `\\${c}`)
  );
}

/** Escapes a line that starts a Markdown line: block markers (lists, quotes, setext underlines) too. */
function escapeLineStart(line: string): string {
  const escaped = escapeMarkdown(line);
  const ordered = /^(\d+)([.)])/.exec(escaped);
  if (ordered) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return /^[-+=]/.test(escaped) ? `\\${escaped}` : escaped;
}

/** Escapes a possibly multi-line note: hard-broken lines, continuation lines indented under a list item. */
function escapeBlock(text: string, indent: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => (i === 0 ? escapeMarkdown(line) : escapeLineStart(line)))
    .join(`\\\n${indent}`);
}

/** A code span that holds any path: a fence longer than the longest backtick run inside. Control characters, line breaks included, show as escapes. */
function code(text: string): string {
  const flat = escapeControl(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function skills(n: number): string {
  return n === 1 ? l10n.t('1 skill') : l10n.t('{0} skills', n);
}

function files(n: number): string {
  return n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n);
}

/** A mark in words, lower case ("learning"); an unknown one as it is. */
function markWord(mark: string): string {
  return mark === 'done' ? l10n.t('done') : mark === 'learning' ? l10n.t('learning') : mark === 'skipped' ? l10n.t('skipped') : mark;
}

function gapLines(label: string, gaps: ReportGaps | undefined, empty: string): string[] {
  const out = [`### ${label}`, ''];
  if (!gaps) return [...out, empty, ''];
  out.push(l10n.t('{0}: {1} of {2} practiced or done.', escapeMarkdown(gaps.to.title), gaps.have, skills(gaps.total)), '');
  // A skill the next stage and the target both need is listed once, under the next stage.
  const above = gaps.listedUnderNextStage ?? [];
  if (gaps.missing.length === 0 && above.length === 0) return [...out, l10n.t('Nothing missing.'), ''];
  for (const g of gaps.missing) {
    const status = g.status === 'not-started' ? '' : ` (${markWord(g.status)})`;
    out.push(`- **${escapeMarkdown(g.title)}**${status}: ${escapeMarkdown(g.howToEvidence)}`);
  }
  if (gaps.missing.length > 0) out.push('');
  if (above.length > 0) {
    const titles = above.map((s) => escapeMarkdown(s.title)).join(', ');
    out.push(
      gaps.missing.length > 0
        ? l10n.t('Also missing, listed under the next stage: {0}.', titles)
        : l10n.t('Nothing missing besides the skills listed under the next stage: {0}.', titles),
      '',
    );
  }
  return out;
}

function formatDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMarkdown(iso);
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Renders the report as a Markdown document with a fixed order of sections. */
export function reportToMarkdown(report: SkillsReport): string {
  const lines: string[] = [`# ${l10n.t('DevOps Skills Report')}`, ''];

  lines.push(`## ${l10n.t('Position')}`, '');
  lines.push(`- ${l10n.t('Current stage: {0}', report.currentStage ? escapeMarkdown(report.currentStage.title) : l10n.t('not set'))}`);
  lines.push(`- ${l10n.t('Target role: {0}', report.targetRole ? escapeMarkdown(report.targetRole.title) : l10n.t('not set'))}`);
  lines.push(`- ${l10n.t('Generated: {0} by DevOps Roadmap {1}', formatDate(report.generatedAt), escapeMarkdown(report.extensionVersion))}`, '');

  lines.push(`## ${l10n.t('Practiced skills')}`, '');
  if (report.practiced.length === 0) lines.push(l10n.t('No skill is shown by the open repositories yet.'), '');
  const techTitles = new Map(report.technologies.map((t) => [t.id, t.title]));
  for (const p of report.practiced) {
    lines.push(`### ${escapeMarkdown(p.title)}`, '');
    for (const ev of p.evidence) {
      const signal = techTitles.get(ev.signal) ?? practiceTitle(ev.signal) ?? ev.signal;
      const who = ev.authorship ? ` — ${escapeMarkdown(ev.authorship)}` : '';
      lines.push(`- ${code(`${ev.folder}/${ev.path}`)} (${escapeMarkdown(signal)})${who}`);
    }
    lines.push('');
  }

  lines.push(`## ${l10n.t('Marked skills')}`, '');
  if (report.marks.length === 0) lines.push(l10n.t('No skill is marked yet.'), '');
  const groups: { label: string; test: (m: ReportMark) => boolean }[] = [
    { label: l10n.t('Done'), test: (m) => m.mark === 'done' },
    { label: l10n.t('Learning'), test: (m) => m.mark === 'learning' },
    { label: l10n.t('Skipped'), test: (m) => m.mark === 'skipped' },
    { label: l10n.t('Notes'), test: (m) => m.mark === undefined },
  ];
  for (const group of groups) {
    const items = report.marks.filter(group.test);
    if (items.length === 0) continue;
    lines.push(`### ${group.label}`, '');
    for (const m of items) lines.push(markLine(m));
    lines.push('');
  }

  lines.push(`## ${l10n.t('Gaps')}`, '');
  lines.push(
    ...gapLines(
      l10n.t('To the next stage'),
      report.gaps.nextStage,
      report.currentStage ? l10n.t('This is the last stage of the trunk.') : l10n.t('Set your current stage to see what the next one needs.'),
    ),
  );
  lines.push(...gapLines(l10n.t('To the target role'), report.gaps.target, l10n.t('Set a target role to see what it needs.')));

  lines.push(`## ${l10n.t('Role fit')}`, '');
  report.roleFit.forEach((f, i) => {
    const matched = f.matched.length ? `: ${f.matched.map(escapeMarkdown).join(', ')}` : '';
    lines.push(`${i + 1}. **${escapeMarkdown(f.title)}** — ${l10n.t('{0}% ({1} of {2})', f.percent, f.matched.length, skills(f.total))}${matched}`);
  });
  lines.push('');

  lines.push(`## ${l10n.t('Detected technologies')}`, '');
  if (report.technologies.length === 0) lines.push(l10n.t('None detected.'));
  for (const t of report.technologies) {
    const fixtures = t.fixtureOnly ? ` · ${l10n.t('test fixtures only')}` : '';
    lines.push(`- **${escapeMarkdown(t.title)}** — ${l10n.t('{0} in {1}', files(t.fileCount), t.folders.map(code).join(', '))}${fixtures}`);
  }
  lines.push('');

  if (report.orphaned.length > 0) {
    lines.push(`## ${l10n.t('Orphaned marks')}`, '', l10n.t('These skills are no longer in the roadmap data; their marks are kept.'), '');
    for (const m of report.orphaned) lines.push(markLine(m));
    lines.push('');
  }
  return lines.join('\n');
}

function markLine(m: ReportMark): string {
  const name = m.title !== undefined ? `**${escapeMarkdown(m.title)}**` : code(m.skillId);
  const mark = m.mark && m.title === undefined ? ` (${markWord(m.mark)})` : '';
  const note = m.note ? ` — ${escapeBlock(m.note, '  ')}` : '';
  return `- ${name}${mark}${note}`;
}
