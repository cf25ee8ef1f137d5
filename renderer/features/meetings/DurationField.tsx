import { TextInput } from '@mantine/core';
import { parseDuration } from '../../../common/duration';
import { frenchDuration } from '../../../common/french';
import type { ApiResult } from '../../../preload/contract';
import { useAutosave } from '../../shared/autosave/useAutosave';

/** What a duration field shows: « 1 h 30 », « 45 min », nothing for none. */
export const durationText = (minutes: number | null) => (minutes ? frenchDuration(minutes) : '');

/** The placeholder and hint of every duration field: the ways it may be typed. */
export const DURATION_HINT = 'ex. 1\u00a0h\u00a030 ou 45\u00a0min';

/**
 * A duration typed in hours and minutes, saved once the typing pauses; what cannot be read
 * is refused in French under the field without being sent. Optional unless `required`:
 * emptied, it stores null.
 */
export function AutosaveDuration({
  label,
  value,
  save,
  required,
  disabled,
}: {
  label: string;
  value: number | null;
  save: (minutes: number | null) => Promise<ApiResult<unknown>>;
  /** The sentence for a required duration left empty. */
  required?: string;
  disabled?: boolean;
}) {
  const field = useAutosave<string>({
    value: durationText(value),
    save: (text) => {
      const parsed = parseDuration(text);
      const error = parsed.error ?? (required && parsed.minutes === null ? required : undefined);
      if (error) return Promise.resolve({ ok: false, error: { code: 'validation', message: error } });
      return save(parsed.minutes ?? null);
    },
    label,
    // Longer than a text's pause: « 1 h » is already a duration while « 1 h 30 » is being typed.
    delay: 1200,
  });
  return (
    <TextInput
      label={label}
      required={!!required}
      placeholder={DURATION_HINT}
      value={field.value}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={field.flush}
      onKeyDown={(event) => event.key === 'Enter' && field.flush()}
      error={field.error}
      disabled={disabled}
    />
  );
}
