/**
 * `.gitignore` rules for the Node file source: each file's rules compiled once (with the `ignore`
 * package), a literal pre-check that answers most paths without running a rule, and git's order
 * of precedence (the deepest file decides first; `!x` there re-includes).
 */
import type { Ignore } from 'ignore';

/** One .gitignore's rules. */
export interface Rules {
  ig: Ignore;
  /**
   * One lower-cased text per rule that every path the rule matches contains (case-insensitively):
   * a path holding none of them is neither ignored nor re-included by this file, which a few
   * `includes` tell far faster than the rules' regexes. Undefined when some rule has no such text
   * (`*`, `[ab]?`): then every path is tested.
   */
  literals: string[] | undefined;
}

export interface Matcher extends Rules {
  /** Folder of the .gitignore, relative ('' at the root). */
  base: string;
}

/**
 * Characters a .gitignore pattern can only match as themselves: ASCII letters, digits and the
 * punctuation that is no glob syntax (`*?[]\/` are, `!` is at a line's start, blanks may be
 * trimmed). `~` and `#` matter: `*~` (editor backups) and `\#*\#` (Emacs) are in many repositories'
 * .gitignore, and one pattern without a literal sends every path of the tree through every rule.
 */
const NOT_LITERAL = /[^A-Za-z0-9._~#$@+=%,;:'"&(){}<>|^`-]+/;

/**
 * The longest run of literal characters (see NOT_LITERAL) a .gitignore pattern requires,
 * lower-cased ('' when none). Character classes, wildcards, escapes, slashes and anything else only
 * split runs, so the answer is always text the matched path must contain. (The rules match
 * case-insensitively, and an ASCII letter then matches only its two cases.)
 */
export function patternLiteral(line: string): string {
  let best = '';
  for (const run of line
    .replace(/^!/, '')
    .replace(/\[[^\]]*\]?/g, ' ')
    .split(NOT_LITERAL))
    if (run.length > best.length) best = run;
  return best.toLowerCase();
}

/** The literals of a .gitignore text, or undefined when some line might be a rule without one. */
export function gitignoreLiterals(text: string): string[] | undefined {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    // Certainly not rules: blank lines (spaces only) and comments. Anything else counts as a rule.
    if (line.startsWith('#') || /^ *$/.test(line)) continue;
    const literal = patternLiteral(line);
    if (!literal) return undefined;
    out.add(literal);
  }
  return [...out];
}

/** Deeper .gitignore files decide first; a negation (`!x`) there re-includes what a shallower one ignored. */
export function ignoredBy(matchers: readonly Matcher[], rel: string, dir: boolean): boolean {
  let lower: string | undefined;
  for (let i = matchers.length - 1; i >= 0; i--) {
    const m = matchers[i];
    if (m.literals) {
      // No rule of this file can match (a literal in `sub` is also in `rel`): same as no result.
      lower ??= rel.toLowerCase();
      let maybe = false;
      for (const literal of m.literals) {
        if (lower.includes(literal)) {
          maybe = true;
          break;
        }
      }
      if (!maybe) continue;
    }
    const sub = m.base ? rel.slice(m.base.length + 1) : rel;
    try {
      const r = m.ig.test(dir ? `${sub}/` : sub);
      if (r.ignored) return true;
      if (r.unignored) return false;
    } catch {
      return false;
    }
  }
  return false;
}
