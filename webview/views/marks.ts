import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { MarkChoice } from '../../src/shared/protocol';
import { button } from '../components';

/** What the mark buttons need to know of a skill. */
export interface Markable {
  id: string;
  title: string;
  /** The user's own mark, pressed. */
  mark?: 'done' | 'learning' | 'skipped';
  note?: string;
}

interface Choice {
  mark: Exclude<MarkChoice, 'clear'>;
  icon: string;
  /** The button's words, asked when drawn (the translation is read after this module loads). */
  label(): string;
  /** The button's title when it is pressed (it clears the mark) and when it is not. */
  clear(skill: string): string;
  set(skill: string): string;
}

const CHOICES: Choice[] = [
  { mark: 'done', icon: 'check', label: () => l10n.t('Done'), clear: (s) => l10n.t('Clear the "Done" mark of {0}', s), set: (s) => l10n.t('Mark {0} as done', s) },
  {
    mark: 'learning',
    icon: 'mortar-board',
    label: () => l10n.t('Learning'),
    clear: (s) => l10n.t('Clear the "Learning" mark of {0}', s),
    set: (s) => l10n.t('Mark {0} as learning', s),
  },
  { mark: 'skipped', icon: 'circle-slash', label: () => l10n.t('Skip'), clear: (s) => l10n.t('Clear the "Skip" mark of {0}', s), set: (s) => l10n.t('Mark {0} as skip', s) },
];

/**
 * Done / learning / skipped, as on roadmap.sh (pressing the pressed one clears it), and the note
 * button where `editNote` is given. Each button is named with the skill, so a list of them reads well.
 */
export function markButtons(skill: Markable, setMark: (skillId: string, mark: MarkChoice) => void, editNote?: (skillId: string) => void): TemplateResult {
  const noteLabel = skill.note ? l10n.t('Edit note') : l10n.t('Add note');
  const noteTitle = skill.note ? l10n.t('Edit note on {0}', skill.title) : l10n.t('Add note on {0}', skill.title);
  return html`<div class="mark-bar" role="group" aria-label=${l10n.t('Mark {0}', skill.title)}>
    ${CHOICES.map((choice) => {
      const pressed = skill.mark === choice.mark;
      return button(choice.label(), () => setMark(skill.id, pressed ? 'clear' : choice.mark), {
        icon: choice.icon,
        appearance: pressed ? 'primary' : 'secondary',
        pressed,
        mark: choice.mark,
        title: pressed ? choice.clear(skill.title) : choice.set(skill.title),
      });
    })}
    ${editNote ? button(noteLabel, () => editNote(skill.id), { icon: 'note', title: noteTitle, testId: 'note-button' }) : nothing}
  </div>`;
}
