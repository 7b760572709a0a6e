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

const CHOICES: [Exclude<MarkChoice, 'clear'>, string, string][] = [
  ['done', 'Done', 'check'],
  ['learning', 'Learning', 'mortar-board'],
  ['skipped', 'Skip', 'circle-slash'],
];

/**
 * Done / learning / skipped, as on roadmap.sh (pressing the pressed one clears it), and the note
 * button where `editNote` is given. Each button is named with the skill, so a list of them reads well.
 */
export function markButtons(skill: Markable, setMark: (skillId: string, mark: MarkChoice) => void, editNote?: (skillId: string) => void): TemplateResult {
  const noteLabel = skill.note ? 'Edit note' : 'Add note';
  return html`<div class="mark-bar" role="group" aria-label="Mark ${skill.title}">
    ${CHOICES.map(([mark, label, icon]) => {
      const pressed = skill.mark === mark;
      return button(label, () => setMark(skill.id, pressed ? 'clear' : mark), {
        icon,
        appearance: pressed ? 'primary' : 'secondary',
        pressed,
        mark,
        title: pressed ? `Clear the "${label}" mark of ${skill.title}` : `Mark ${skill.title} as ${label.toLowerCase()}`,
      });
    })}
    ${editNote ? button(noteLabel, () => editNote(skill.id), { icon: 'note', title: `${noteLabel} on ${skill.title}`, testId: 'note-button' }) : nothing}
  </div>`;
}
