/** Display formatting shared by the tree, the details pages and the reports. */

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
  return years.max === undefined ? `${years.min}+ years` : `${years.min}–${years.max} years`;
}

/** The range in the preferred currency first, then the others, in a stable order. */
export function byPreference(ranges: readonly SalaryRange[], preferred: Currency): SalaryRange[] {
  return [...ranges].sort((a, b) => Number(b.currency === preferred) - Number(a.currency === preferred));
}

export function salaryIn(ranges: readonly SalaryRange[], currency: Currency): SalaryRange | undefined {
  return ranges.find((r) => r.currency === currency && !r.note) ?? ranges.find((r) => r.currency === currency);
}

const SKILL_CATEGORY_TITLES: Record<string, string> = {
  'ci-cd': 'CI/CD',
  iac: 'Infrastructure as Code',
  containers: 'Containers',
  orchestration: 'Orchestration',
  cloud: 'Cloud Platforms',
  observability: 'Observability',
  security: 'Security',
  gitops: 'GitOps',
  mlops: 'MLOps',
  programming: 'Programming & Scripting',
  networking: 'Networking',
  linux: 'Linux & Systems',
  reliability: 'Reliability',
  architecture: 'Architecture',
  soft: 'Communication & Collaboration',
  leadership: 'Leadership',
  other: 'Other',
};

export function categoryTitle(category: string): string {
  return SKILL_CATEGORY_TITLES[category] ?? category;
}
