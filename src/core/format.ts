/** Display formatting shared by the tree, the details pages and the reports. */

import * as l10n from '@vscode/l10n';
import type { Currency, SalaryRange, YearRange } from './model';

const SYMBOL: Record<Currency, string> = { GBP: '£', USD: '$' };

export function formatAmount(currency: Currency, amount: number): string {
  return SYMBOL[currency] + amount.toLocaleString('en-GB');
}

/** "£40,000 – £55,000", "£170,000+", "£120,000 – £170,000+". */
export function formatSalary(range: SalaryRange): string {
  const low = formatAmount(range.currency, range.min);
  if (range.max === undefined) return low + (range.openEnded ? '+' : '');
  return `${low} – ${formatAmount(range.currency, range.max)}${range.openEnded ? '+' : ''}`;
}

/** "£40K–55K": the compact form used in tree descriptions. */
export function formatSalaryShort(range: SalaryRange): string {
  const k = (n: number) => (n % 1000 === 0 ? `${n / 1000}K` : `${(n / 1000).toFixed(1)}K`);
  const symbol = SYMBOL[range.currency];
  const high = range.max === undefined ? '' : `–${k(range.max)}`;
  return `${symbol}${k(range.min)}${high}${range.openEnded ? '+' : ''}`;
}

export function formatYears(years: YearRange): string {
  return years.max === undefined ? l10n.t('{0}+ years', years.min) : l10n.t('{0}–{1} years', years.min, years.max);
}

/** The range in the preferred currency first, then the others, in a stable order. */
export function byPreference(ranges: readonly SalaryRange[], preferred: Currency): SalaryRange[] {
  return [...ranges].sort((a, b) => Number(b.currency === preferred) - Number(a.currency === preferred));
}

export function salaryIn(ranges: readonly SalaryRange[], currency: Currency): SalaryRange | undefined {
  return ranges.find((r) => r.currency === currency && !r.note) ?? ranges.find((r) => r.currency === currency);
}

/** What a figure in one currency only says of itself: the source articles give the ladders in GBP only. */
export function figuresOnlyNote(currency: Currency): string {
  return currency === 'GBP' ? l10n.t('UK figures only') : l10n.t('US figures only');
}

/**
 * The range to show where `preferred` is asked for: that currency's, or else the one the source
 * gives, with a note ("UK figures only") so a £ row among $ rows never passes for a dollar figure.
 */
export function salaryShown(ranges: readonly SalaryRange[], preferred: Currency): { range: SalaryRange; note?: string } | undefined {
  const range = salaryIn(ranges, preferred);
  if (range) return { range };
  const other = ranges.find((r) => !r.note) ?? ranges[0];
  return other ? { range: other, note: figuresOnlyNote(other.currency) } : undefined;
}

/** Functions, so each title is looked up in the language of the moment (the bundle is set at activation). */
const SKILL_CATEGORY_TITLES: Record<string, () => string> = {
  'ci-cd': () => l10n.t('CI/CD'),
  iac: () => l10n.t('Infrastructure as Code'),
  containers: () => l10n.t('Containers'),
  orchestration: () => l10n.t('Orchestration'),
  cloud: () => l10n.t('Cloud Platforms'),
  observability: () => l10n.t('Observability'),
  security: () => l10n.t('Security'),
  gitops: () => l10n.t('GitOps'),
  mlops: () => l10n.t('MLOps'),
  programming: () => l10n.t('Programming & Scripting'),
  networking: () => l10n.t('Networking'),
  linux: () => l10n.t('Linux & Systems'),
  reliability: () => l10n.t('Reliability'),
  architecture: () => l10n.t('Architecture'),
  soft: () => l10n.t('Communication & Collaboration'),
  leadership: () => l10n.t('Leadership'),
  other: () => l10n.t('Other'),
};

export function categoryTitle(category: string): string {
  return Object.hasOwn(SKILL_CATEGORY_TITLES, category) ? SKILL_CATEGORY_TITLES[category]() : category;
}

/**
 * Characters a terminal, an editor or a Markdown viewer acts on instead of showing: C0 controls
 * (escape sequences, newlines that forge lines), DEL, C1 controls (CSI as one byte), the line and
 * paragraph separators, and the bidi controls that reorder text ("Trojan Source": embeddings,
 * overrides, isolates and the invisible marks).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_CONTROL: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows every control character of `text` as a visible escape (`\n`, `\x1b`, `\u202e`), so a file
 * name or note printed to a terminal, a log or a report can neither run escape sequences, forge
 * lines nor reorder what is around it. Other text, accents and CJK included, is left alone.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = NAMED_CONTROL[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
