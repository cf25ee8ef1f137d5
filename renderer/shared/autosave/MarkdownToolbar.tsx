import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconBold, IconH2, IconH3, IconLink, IconList } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { applyMarkdownEdit, type MarkdownEdit } from '../../../common/markdown-edits';

const BUTTONS: { edit: MarkdownEdit; label: string; Icon: typeof IconBold }[] = [
  { edit: 'heading', label: 'Titre', Icon: IconH2 },
  { edit: 'subheading', label: 'Sous-titre', Icon: IconH3 },
  { edit: 'bold', label: 'Gras (Ctrl+B)', Icon: IconBold },
  { edit: 'list', label: 'Liste à puces', Icon: IconList },
  { edit: 'link', label: 'Lien (Ctrl+K)', Icon: IconLink },
];
const SHORTCUTS: Record<string, MarkdownEdit> = { b: 'bold', k: 'link' };

/** The field's edits: each applied to its text and selection, then the field given its focus and the new selection back. */
export function useMarkdownEditor(change: (text: string) => void) {
  const area = useRef<HTMLTextAreaElement>(null);
  const apply = (edit: MarkdownEdit) => {
    const field = area.current;
    if (!field) return;
    const next = applyMarkdownEdit(edit, { text: field.value, start: field.selectionStart, end: field.selectionEnd });
    change(next.text);
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(next.start, next.end);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const edit = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey ? SHORTCUTS[event.key.toLowerCase()] : undefined;
    if (!edit) return;
    event.preventDefault();
    apply(edit);
  };
  return { area, apply, onKeyDown };
}

/**
 * The formatting buttons above a text written in the lettre's Markdown: nobody has to know
 * the marks. One Tab stop, the arrows move between its buttons (the ARIA toolbar pattern):
 * a page of six texts does not get thirty more stops.
 */
export function MarkdownToolbar({ label, apply, disabled }: { label: string; apply: (edit: MarkdownEdit) => void; disabled?: boolean }) {
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: BUTTONS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + BUTTONS.length) % BUTTONS.length;
    setCurrent(next);
    buttons.current[next]?.focus();
  };
  return (
    <Group gap={4} mb={4} role="toolbar" aria-label={`Mise en forme\u202f: ${label}`} onKeyDown={onKeyDown}>
      {BUTTONS.map(({ edit, label: name, Icon }, index) => (
        <Tooltip key={edit} label={name} openDelay={400}>
          <ActionIcon
            ref={(button: HTMLButtonElement | null) => {
              buttons.current[index] = button;
            }}
            variant="default"
            size="md"
            aria-label={name}
            disabled={disabled}
            tabIndex={index === current ? 0 : -1}
            // The text keeps its focus and selection when clicked.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setCurrent(index);
              apply(edit);
            }}
          >
            <Icon size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
