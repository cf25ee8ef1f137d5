import { Alert, Badge, createTheme, Input, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';
import { DISABLED_TEXT, statusVariables } from '../shared/status';

// Shade 8 of blue keeps white text on filled buttons above the 4.5:1 contrast ratio.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Sentence case and never cut: « 2 En cours » must stay readable in a narrow column.
    Badge: Badge.extend({
      styles: { root: { textTransform: 'none', overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } },
    }),
    // A value longer than its field ends with « … » rather than cut mid-letter (whole again once the field is focused).
    Input: Input.extend({
      styles: { input: { textOverflow: 'ellipsis' } },
    }),
    // The coloured title and text of a light alert fall below 4.5:1 on its tinted background.
    Alert: Alert.extend({
      styles: { title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } },
    }),
    // Its description is grey 6 by default, below 4.5:1 on white: the page's dimmed colour instead.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Fermer la notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    // The dialogs' close button is an icon: it needs a name (Escape closes them too).
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    }),
  },
});

// Mantine's default "dimmed", error and disabled colours fall below 4.5:1 on the page
// background (disabled text on the disabled grey); the statuses' colours differ per theme
// (renderer/shared/status.ts). tests/common/contrast.test.ts checks these values.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-anchor': t.colors.blue[8],
    '--mantine-color-disabled-color': DISABLED_TEXT.light,
    '--mantine-color-red-light-color': t.colors.red[9],
    ...statusVariables('light', t.colors),
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-error': t.colors.red[4],
    '--mantine-color-anchor': t.colors.blue[3],
    '--mantine-color-disabled-color': DISABLED_TEXT.dark,
    '--mantine-color-red-light-color': t.colors.red[4],
    ...statusVariables('dark', t.colors),
  },
});
