/**
 * What search shows before anything is typed: where you are (current stage, target) and what you
 * opened from search lately. Pure: the shell keeps the recent list in its state.
 */

import * as l10n from '@vscode/l10n';
import type { Search, SearchHit } from './search';

/** How many recent picks are kept. */
export const RECENT_LIMIT = 8;

/** The recent list with `id` first, once, and at most `limit` long. */
export function rememberRecent(recent: readonly unknown[], id: string, limit = RECENT_LIMIT): string[] {
  const kept = recent.filter((r): r is string => typeof r === 'string' && r !== id);
  return [id, ...kept].slice(0, Math.max(0, limit));
}

export interface Suggestion {
  hit: SearchHit;
  /** Why it is offered: "your current stage", "your target", "recent". */
  reason: string;
}

export interface SuggestionGroup {
  label: string;
  items: Suggestion[];
}

/**
 * "Your position" (current stage, target) then "Recent" (newest first, without repeating a row of
 * the first group, ids the data no longer has left out). Empty groups are dropped.
 */
export function emptyQuerySuggestions(search: Search, position: { currentStage?: string; targetRole?: string }, recent: readonly string[]): SuggestionGroup[] {
  const mine: Suggestion[] = [];
  const current = position.currentStage ? search.hitFor(position.currentStage) : undefined;
  const target = position.targetRole ? search.hitFor(position.targetRole) : undefined;
  if (current) mine.push({ hit: current, reason: target?.id === current.id ? l10n.t('your current stage and target') : l10n.t('your current stage') });
  if (target && target.id !== current?.id) mine.push({ hit: target, reason: l10n.t('your target') });
  const shown = new Set(mine.map((s) => s.hit.id));
  const recents: Suggestion[] = [];
  for (const id of recent) {
    const hit = shown.has(id) ? undefined : search.hitFor(id);
    if (!hit) continue;
    shown.add(id);
    recents.push({ hit, reason: l10n.t('recent') });
  }
  return [
    { label: l10n.t('Your position'), items: mine },
    { label: l10n.t('Recent'), items: recents },
  ].filter((g) => g.items.length > 0);
}
