import { useEffect, useRef, useState } from 'react';

/**
 * An item edited in place (a note, a step): when the editor opens, focus goes to its first
 * field; when it closes, back to the button that opened it, so that a keyboard user keeps
 * their place in a long page instead of starting again from its top.
 */
export function useEditInPlace() {
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) editor.current?.querySelector<HTMLElement>('textarea, input')?.focus();
    else if (wasEditing.current) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return { editing, open: () => setEditing(true), close: () => setEditing(false), opener, editor };
}
