import { Button, Group, Tooltip } from '@mantine/core';
import { IconLink, IconList } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { applyMarkdownEdit, type MarkdownEdit } from '../../../common/markdown-edits';

// Faces a French user knows from a word processor: « G » for gras, titles in words (not « H2 »).
const BUTTONS: { edit: MarkdownEdit; label: string; face: ReactNode }[] = [
  { edit: 'heading', label: 'Titre', face: 'Titre' },
  { edit: 'subheading', label: 'Sous-titre', face: 'Sous-titre' },
  { edit: 'bold', label: 'Gras (Ctrl+G)', face: <strong>G</strong> },
  { edit: 'list', label: 'Liste à puces', face: <IconList size={16} aria-hidden /> },
  { edit: 'link', label: 'Lien (Ctrl+K)', face: <IconLink size={16} aria-hidden /> },
];
// Ctrl+G as in French word processors; Ctrl+B as in English ones.
const SHORTCUTS: Record<string, MarkdownEdit> = { g: 'bold', b: 'bold', k: 'link' };

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
      {BUTTONS.map(({ edit, label: name, face }, index) => (
        <Tooltip key={edit} label={name} openDelay={400}>
          <Button
            ref={(button: HTMLButtonElement | null) => {
              buttons.current[index] = button;
            }}
            variant="default"
            size="compact-sm"
            px={8}
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
            {face}
          </Button>
        </Tooltip>
      ))}
    </Group>
  );
}
