// What is typed in a form for a new item (a décision, a point, a guest, a note), or in a field
// not saved yet (a piste's comment refused before its marks), is kept for the session when
// the form leaves the screen (another tab of the meeting, another page) and comes back:
// nothing half-typed is lost. Saving the item empties the form, and the draft.
import { useCallback, useState } from 'react';

const drafts = new Map<string, string>();

/**
 * A text field's state, kept under `key` (unique to the form and field) until it is emptied
 * or `forget` is called (once saved); `saved` is what the field shows without a draft.
 */
export function useDraft(key: string, saved = ''): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(() => drafts.get(key) ?? saved);
  const set = useCallback(
    (next: string) => {
      setValue(next);
      if (next === '') drafts.delete(key);
      else drafts.set(key, next);
    },
    [key],
  );
  const forget = useCallback(() => drafts.delete(key), [key]);
  return [value, set, forget];
}
