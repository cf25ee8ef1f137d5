import { useEffect } from 'react';
import { useFormSaver } from './FormSaver';

/** True in a field where Ctrl+Z belongs to the text being typed (the browser's own undo). */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly;
  if (!(target instanceof HTMLInputElement) || target.readOnly) return false;
  return ['text', 'search', 'email', 'url', 'tel', 'number', 'password'].includes(target.type);
}

/** While the page is open, Ctrl+Z (⌘Z) undoes its last saved edit, unless a text is being typed. */
export function useUndoShortcut(): void {
  const { undo } = useFormSaver();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
      if (!isUndo || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      void undo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);
}
