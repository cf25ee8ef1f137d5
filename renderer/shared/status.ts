// Colours of the statuses, shared by badges, bars and charts, as plain data: theme.ts turns
// them into CSS variables for each theme, and tests/common/contrast.test.ts checks them
// (a fill at 3:1 or more against the page, its text at 4.5:1 or more on the fill).
import { ACTION_STATUSES, ACTION_STATUS_AGREEING, ACTION_STATUS_LABELS, type ActionStatus } from '../../common/vocabulary';

export type StatusKey = ActionStatus | 'none';

export const STATUS_KEYS: readonly StatusKey[] = [...ACTION_STATUSES, 'none'];

/** A filled mark and the text written on it; `fill` is a Mantine colour (« gray.7 ») or a hex colour. */
export interface MarkColours {
  fill: string;
  text: 'white' | 'black';
}

export type ThemedColours = Record<'light' | 'dark', MarkColours>;

// Dark shades fall below 3:1 on the dark page: the dark theme takes lighter ones, with black text.
export const STATUS_COLOURS: Record<StatusKey, ThemedColours> = {
  a_venir: { light: { fill: 'gray.7', text: 'white' }, dark: { fill: 'gray.5', text: 'black' } },
  en_cours: { light: { fill: 'blue.8', text: 'white' }, dark: { fill: 'blue.4', text: 'black' } },
  realise: { light: { fill: 'teal.9', text: 'white' }, dark: { fill: 'teal.5', text: 'black' } },
  en_pause: { light: { fill: '#c77700', text: 'black' }, dark: { fill: 'yellow.5', text: 'black' } },
  abandonne: { light: { fill: 'grape.9', text: 'white' }, dark: { fill: 'grape.4', text: 'black' } },
  bloque: { light: { fill: 'red.9', text: 'white' }, dark: { fill: 'red.5', text: 'black' } },
  none: { light: { fill: 'gray.6', text: 'black' }, dark: { fill: 'dark.2', text: 'black' } },
};

/** The « En retard » badge. */
export const LATE_COLOURS: ThemedColours = { light: { fill: 'orange.8', text: 'black' }, dark: { fill: 'orange.8', text: 'black' } };

/** « À arbitrer au prochain comité »: a badge in the table and on the cards. */
export const ARBITRATION_COLOURS: ThemedColours = { light: { fill: 'indigo.8', text: 'white' }, dark: { fill: 'indigo.3', text: 'black' } };

/** The text of a disabled control, on Mantine's disabled grey (gray.2, dark.6): theme.ts sets it. */
export const DISABLED_TEXT = { light: '#5f666d', dark: '#9e9e9e' } as const;

/** A colour of the data above as CSS: « gray.7 » is taken from the theme's palette. */
export function cssColour(colour: string, palette: Record<string, readonly string[]>): string {
  const [name, shade] = colour.split('.');
  return colour.startsWith('#') ? colour : palette[name][Number(shade)];
}

/** The CSS variables theme.ts defines per theme, so that one element serves both. */
export const statusFill = (status: StatusKey) => `var(--entente-status-${status})`;
export const statusText = (status: StatusKey) => `var(--entente-status-${status}-text)`;

/** Those variables' values in a theme. */
export function statusVariables(scheme: 'light' | 'dark', palette: Record<string, readonly string[]>): Record<string, string> {
  const marks: [string, ThemedColours][] = [
    ...STATUS_KEYS.map((key): [string, ThemedColours] => [`status-${key}`, STATUS_COLOURS[key]]),
    ['late', LATE_COLOURS],
    ['arbitration', ARBITRATION_COLOURS],
  ];
  return Object.fromEntries(
    marks.flatMap(([name, colours]) => [
      [`--entente-${name}`, cssColour(colours[scheme].fill, palette)],
      [`--entente-${name}-text`, colours[scheme].text],
    ]),
  );
}

const NO_STATUS_LABEL = 'Sans statut';

export function statusLabel(status: StatusKey | null): string {
  return !status || status === 'none' ? NO_STATUS_LABEL : ACTION_STATUS_LABELS[status];
}

/** A number of actions of a status, in lower case: « 3 à venir », « 1 bloquée », « 2 réalisées », « 1 sans statut ». */
export function statusCount(status: StatusKey, count: number): string {
  const agreeing = status === 'none' ? undefined : ACTION_STATUS_AGREEING[status];
  return `${count} ${agreeing ? `${agreeing}${count > 1 ? 's' : ''}` : statusLabel(status).toLocaleLowerCase('fr')}`;
}

/** Options of a status select; '' stands for « Sans statut ». */
export const STATUS_OPTIONS = [{ value: '', label: NO_STATUS_LABEL }, ...ACTION_STATUSES.map((value) => ({ value, label: ACTION_STATUS_LABELS[value] }))];
