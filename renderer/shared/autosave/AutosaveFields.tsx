// Form fields that save themselves (no Save button): text is saved after a pause in
// typing or on leaving the field, choices at once. All share useAutosave.
import { MultiSelect, NumberInput, Select, Textarea, TextInput, type ComboboxData, type SelectProps } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import classes from './AutosaveFields.module.css';
import { format, isValid, parse } from 'date-fns';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiResult } from '../../../preload/contract';
import { MarkdownToolbar, useMarkdownEditor } from './MarkdownToolbar';
import { useAutosave } from './useAutosave';
import { useFormSaver } from './FormSaver';
import { parseTimeOfDay } from '../../../common/duration';
import { formatTime } from '../format';

const TYPING_DELAY = 700;

/** Tells the page whether this field holds what it refused before any save; forgotten when the field goes. */
function useRefusal(): (refused: boolean) => void {
  const { holdsRefused } = useFormSaver();
  const field = useId();
  useEffect(() => () => holdsRefused(field, false), [holdsRefused, field]);
  return useCallback((refused: boolean) => holdsRefused(field, refused), [holdsRefused, field]);
}

/** Names of the calendar's arrow buttons (Mantine leaves them unnamed); the month button shows its month. */
const CALENDAR_LABELS = {
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  previousYear: 'Année précédente',
  nextYear: 'Année suivante',
  previousDecade: 'Décennie précédente',
  nextDecade: 'Décennie suivante',
};

type SaveFn<T> = (value: T) => Promise<ApiResult<unknown>>;

interface FieldProps<T> {
  label: string;
  value: T;
  save: SaveFn<T>;
  description?: ReactNode;
  disabled?: boolean;
}

/** A text; an optional one stores null when emptied. */
export function AutosaveText({
  multiline,
  markdown,
  wraps,
  required,
  hiddenLabel,
  value,
  save,
  label,
  ...rest
}: FieldProps<string | null> & {
  multiline?: boolean;
  /** A multiline text in the lettre's Markdown: formatting buttons above it, Ctrl+G (or Ctrl+B) and Ctrl+K in it. */
  markdown?: boolean;
  /** One line of text that wraps rather than scrolls in a narrow field (a long service name); Enter saves. */
  wraps?: boolean;
  required?: boolean;
  /** Named beside the field already (a badge): the label is for screen readers only. */ hiddenLabel?: boolean;
}) {
  const field = useAutosave<string>({
    value: value ?? '',
    save: (text) => save(!required && text.trim() === '' ? null : text),
    label,
    delay: TYPING_DELAY,
  });
  const common = {
    ...rest,
    label: hiddenLabel ? undefined : label,
    'aria-label': hiddenLabel ? label : undefined,
    required,
    value: field.value,
    error: field.error,
    onChange: (event: { currentTarget: { value: string } }) => field.onChange(event.currentTarget.value),
    onBlur: field.flush,
  };
  const { area, apply, onKeyDown: formatByKey } = useMarkdownEditor(field.onChange);
  if (markdown)
    return (
      <Textarea
        {...common}
        ref={area}
        autosize
        minRows={3}
        maxRows={16}
        onKeyDown={formatByKey}
        inputContainer={(input) => (
          <>
            <MarkdownToolbar label={label} apply={apply} disabled={rest.disabled} />
            {input}
          </>
        )}
      />
    );
  if (multiline) return <Textarea {...common} autosize minRows={3} maxRows={16} />;
  if (wraps) {
    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      field.flush();
    };
    return <Textarea {...common} autosize minRows={1} maxRows={4} onKeyDown={onKeyDown} />;
  }
  return <TextInput {...common} onKeyDown={(event) => event.key === 'Enter' && field.flush()} />;
}

interface SelectFieldProps extends FieldProps<string | null> {
  data: ComboboxData;
  clearable?: boolean;
  placeholder?: string;
  renderOption?: SelectProps['renderOption'];
}

export function AutosaveSelect({ data, clearable, placeholder, value, save, label, ...rest }: SelectFieldProps) {
  const field = useAutosave({ value, save, label });
  return (
    <Select
      {...rest}
      label={label}
      data={data}
      value={field.value}
      onChange={field.onChange}
      error={field.error}
      clearable={clearable}
      allowDeselect={false}
      // Every option in view: a list that scrolls hides its last statut.
      maxDropdownHeight={360}
      placeholder={placeholder}
      searchable={Array.isArray(data) && data.length > 8}
      nothingFoundMessage="Aucun résultat"
    />
  );
}

export function AutosaveMultiSelect({ data, value, save, label, placeholder, ...rest }: FieldProps<string[]> & { data: ComboboxData; placeholder?: string }) {
  const field = useAutosave({ value, save, label });
  return (
    <MultiSelect
      {...rest}
      label={label}
      placeholder={field.value.length ? undefined : placeholder}
      data={data}
      value={field.value}
      onChange={field.onChange}
      error={field.error}
      clearable
      hidePickedOptions
    />
  );
}

/** Typed as « 26/11/2026 » (or picked in the calendar); stored as YYYY-MM-DD. */
function parseFrenchDate(text: string): string | null {
  const date = parse(text.trim(), 'dd/MM/yyyy', new Date());
  return isValid(date) && date.getFullYear() > 1900 ? format(date, 'yyyy-MM-dd') : null;
}

interface FrenchDateInputProps {
  label: string;
  value: string | null;
  onChange: (date: string | null) => void;
  error?: string;
  description?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  /** Whether the field holds a typed text that is no date (the page then says it is not saved). */
  onRefused?: (refused: boolean) => void;
}

/**
 * A date typed as « 26/11/2026 » or picked in the calendar, as YYYY-MM-DD. A text that is
 * not a date (31/02/2026) stays in the field with a French error instead of being
 * silently replaced by the previous date.
 */
export function FrenchDateInput({ value, onChange, label, error, onRefused, ...rest }: FrenchDateInputProps) {
  const [typingError, setTypingError] = useState<string>();
  const [calendarOpen, setCalendarOpen] = useState(false);

  function checkTyped(text: string) {
    const wrong = text.trim() !== '' && parseFrenchDate(text) === null;
    setTypingError(wrong ? `«\u202f${text.trim()}\u202f» n'est pas une date qui existe (jj/mm/aaaa)\u202f: non enregistrée.` : undefined);
    onRefused?.(wrong);
  }

  return (
    <DateInput
      {...rest}
      label={label}
      value={value}
      onChange={(date) => {
        setTypingError(undefined);
        onRefused?.(false);
        onChange(date);
      }}
      onBlur={(event) => checkTyped(event.currentTarget.value)}
      // Échap closes the calendar only, not what holds the field: a note being edited, a
      // dialog (Mantine's leave a field so marked alone).
      onKeyDown={(event) => event.key === 'Escape' && calendarOpen && event.preventDefault()}
      data-mantine-stop-propagation={calendarOpen || undefined}
      error={typingError ?? error}
      fixOnBlur={false}
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      placeholder="jj/mm/aaaa"
      clearable
      clearButtonProps={{ 'aria-label': `Effacer\u202f: ${label}` }}
      ariaLabels={CALENDAR_LABELS}
      // Days of the next and previous months are too pale to read (contrast); weekends darker.
      hideOutsideDates
      classNames={{ day: classes.day }}
      popoverProps={{ withinPortal: true, onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
    />
  );
}

export function AutosaveDate({ value, save, label, ...rest }: FieldProps<string | null>) {
  const field = useAutosave({ value, save, label });
  const refusing = useRefusal();
  return <FrenchDateInput {...rest} label={label} value={field.value} onChange={field.onChange} error={field.error} onRefused={refusing} />;
}

/**
 * A whole number between `min` and `max`: one typed beyond them is shown with a French
 * error and not saved, rather than silently cut (« 150 » is not « 15 % »). The unit may
 * agree with the number (« 1 jour », « 15 jours »).
 */
export function AutosaveNumber({
  value,
  save,
  label,
  min,
  max,
  suffix,
  ...rest
}: FieldProps<number> & { min: number; max: number; suffix?: string | ((value: number) => string) }) {
  const field = useAutosave({ value, save, label, delay: TYPING_DELAY });
  const refusing = useRefusal();
  const [typed, setTyped] = useState<{ value: string | number; error: string }>();
  const unit = (of: number) => (typeof suffix === 'function' ? suffix(of) : (suffix ?? ''));
  const shown = typed ? typed.value : field.value;
  return (
    <NumberInput
      {...rest}
      label={label}
      value={shown}
      onChange={(next) => {
        const number = typeof next === 'number' ? next : Number(next) || 0;
        if (number < min || number > max) {
          setTyped({ value: next, error: `De ${min} à ${max}${unit(max)}\u202f: «\u202f${number}\u202f» n'est pas enregistré.` });
          refusing(true);
          field.cancel();
          return;
        }
        refusing(false);
        setTyped(undefined);
        field.onChange(number);
      }}
      onBlur={field.flush}
      onKeyDown={(event) => event.key === 'Enter' && field.flush()}
      error={typed?.error ?? field.error}
      min={min}
      max={max}
      suffix={unit(typeof shown === 'number' ? shown : Number(shown) || 0)}
      allowDecimal={false}
      allowNegative={min < 0}
      clampBehavior="none"
    />
  );
}

/** Euros and cents as France writes them (« 4 500,50 € »), in a table's cell: named for screen readers only; emptied, null. */
export function AutosaveEuros({ value, save, label, suffix = ' €' }: FieldProps<number | null> & { suffix?: string }) {
  const field = useAutosave<number | null>({ value, save, label, delay: TYPING_DELAY });
  const refusing = useRefusal();
  // The field takes no minus sign: said at once, and what is typed after it is not saved (« -20 »
  // would be 20); leaving the field gives the stored amount back.
  const [minusRefused, setMinusRefused] = useState(false);
  // Read by the keys and changes that follow at once, before a render.
  const minus = useRef(false);
  const refuseMinus = (refused: boolean) => {
    minus.current = refused;
    setMinusRefused(refused);
    refusing(refused);
  };
  return (
    <NumberInput
      aria-label={label}
      value={field.value ?? ''}
      onChange={(next) => {
        field.onChange(next === '' ? null : Number(next));
        if (minus.current) field.cancel();
      }}
      onBlur={() => {
        if (!minus.current) return field.flush();
        field.revert();
        refuseMinus(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !minus.current) field.flush();
        if (event.key !== '-') return;
        field.cancel();
        refuseMinus(true);
      }}
      error={minusRefused ? "Un montant ne peut pas être négatif\u202f: le signe «\u202f-\u202f» n'est pas pris." : field.error}
      decimalSeparator=","
      thousandSeparator=" "
      decimalScale={2}
      fixedDecimalScale
      allowNegative={false}
      suffix={suffix}
      hideControls
      size="xs"
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}

/**
 * A time of day typed as people write it (« 9 h 30 », « 9h30 », « 09:30 », « 14 h »), kept as
 * HH:MM and shown « 9 h 30 » as every other screen writes it. One text field: Tab goes on to
 * the next field, and the browser's time field, which follows the system's locale
 * (« 09:30 AM »), is not used. Read when the field is left or on Entrée.
 */
export function FrenchTimeInput({
  label,
  value,
  onChange,
  error,
  onRefused,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (time: string) => void;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  /** Whether the field holds a typed text that is no time (the page then says it is not saved). */
  onRefused?: (refused: boolean) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const [typingError, setTypingError] = useState<string>();

  /** Reads what was typed, if anything: saved if it is a time, else said in French. */
  function read(): void {
    if (typed === null) return;
    const parsed = parseTimeOfDay(typed);
    if (parsed.error !== undefined || parsed.time === null) {
      setTypingError(parsed.error ?? "Indiquez l'heure, par exemple «\u00a09\u00a0h\u00a030\u00a0».");
      onRefused?.(true);
      return;
    }
    onRefused?.(false);
    setTyped(null);
    setTypingError(undefined);
    if (parsed.time !== value) onChange(parsed.time);
  }

  return (
    <TextInput
      {...rest}
      label={label}
      value={typed ?? (value ? formatTime(value) : '')}
      onChange={(event) => setTyped(event.currentTarget.value)}
      onBlur={read}
      onKeyDown={(event) => {
        // A time typed is read first: Entrée again submits the form, with it.
        if (event.key === 'Enter' && typed !== null) {
          event.preventDefault();
          read();
        }
      }}
      error={typingError ?? error}
      placeholder={'9\u00a0h\u00a030'}
      w={130}
    />
  );
}

export function AutosaveTime({ value, save, label, ...rest }: FieldProps<string>) {
  const field = useAutosave({ value, save, label });
  const refusing = useRefusal();
  return <FrenchTimeInput {...rest} label={label} value={field.value} onChange={field.onChange} error={field.error} onRefused={refusing} />;
}
