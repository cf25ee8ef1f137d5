import { useEffect, useRef, useState } from 'react';

/**
 * A text field of a list line, saved when the user leaves it. The field keeps its own copy
 * only of what the user typed: until then it shows the stored text, so a value arriving
 * meanwhile (a sync, a colleague's edit) is shown, and leaving a field one did not change
 * saves nothing (it would write the old text back over the new one).
 */
export function useTypedText(stored: string): { value: string; onChange: (text: string) => void; take: () => string | null } {
  const [typed, setTyped] = useState<string | null>(null);
  const saving = useRef<string | null>(null);
  // The text saved is back from the store: the field follows the store again.
  useEffect(() => {
    if (saving.current !== null && stored === saving.current) {
      saving.current = null;
      setTyped(null);
    }
  }, [stored]);
  return {
    value: typed ?? stored,
    onChange: setTyped,
    /** The text typed, trimmed, if it differs from the stored one: what to save; else null. */
    take() {
      if (typed === null) return null;
      const text = typed.trim();
      if (text === stored) {
        setTyped(null);
        return null;
      }
      saving.current = text;
      return text;
    },
  };
}
