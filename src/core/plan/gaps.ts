import type { WhatsNext } from '../insights';

/**
 * The skills still open on the way ahead: missing for the next stage or the target role, and not
 * skipped by the user. Empty when neither is set.
 */
export function openGapIds(next: WhatsNext): Set<string> {
  const steps = [next.nextStage, next.target].filter((s) => s !== undefined);
  return new Set(
    steps
      .flatMap((s) => [...s.missing, ...s.listedAbove])
      .filter((g) => g.status !== 'skipped')
      .map((g) => g.skill.id),
  );
}
