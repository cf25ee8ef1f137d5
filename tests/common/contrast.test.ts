// WCAG contrast of the colours Entente sets, in both themes: text at 4.5:1 or more, chart
// marks and icons at 3:1 or more (WCAG 1.4.3 and 1.4.11), against Mantine's page
// background (white, dark.7) or the surface they are drawn on.
import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, test } from 'vitest';
import { cssVariablesResolver, theme } from '../../renderer/app/theme';
import { ARBITRATION_COLOURS, cssColour, DISABLED_TEXT, LATE_COLOURS, STATUS_COLOURS, STATUS_KEYS, type ThemedColours } from '../../renderer/shared/status';

const palette = DEFAULT_THEME.colors;
const SCHEMES = ['light', 'dark'] as const;
const BODY = { light: '#ffffff', dark: palette.dark[7] };
/** Mantine's background of a disabled button. */
const DISABLED_BACKGROUND = { light: palette.gray[2], dark: palette.dark[6] };

function luminance(colour: string): number {
  const hex = colour === 'white' ? '#ffffff' : colour === 'black' ? '#000000' : colour;
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(x: string, y: string): number {
  const [light, dark] = [luminance(x), luminance(y)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const marks: [string, ThemedColours][] = [
  ...STATUS_KEYS.map((key): [string, ThemedColours] => [key, STATUS_COLOURS[key]]),
  ['late', LATE_COLOURS],
  ['arbitration', ARBITRATION_COLOURS],
];

describe('contrastes', () => {
  test('la formule WCAG : noir sur blanc 21:1, une couleur sur elle-même 1:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#777777')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
  });

  test.each(SCHEMES)('statuts, « En retard », « À arbitrer » (thème %s) : la barre ou le badge à 3:1 sur la page, son texte à 4.5:1', (scheme) => {
    for (const [name, colours] of marks) {
      const fill = cssColour(colours[scheme].fill, palette);
      expect({ name, mark: contrast(fill, BODY[scheme]) }).toEqual({ name, mark: expect.toSatisfy((ratio: number) => ratio >= 3) });
      expect({ name, text: contrast(colours[scheme].text, fill) }).toEqual({ name, text: expect.toSatisfy((ratio: number) => ratio >= 4.5) });
    }
  });

  test.each(SCHEMES)('les couleurs de texte et d’icône du thème (%s)', (scheme) => {
    const variables = cssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme))[scheme] as Record<string, string>;
    for (const name of ['--mantine-color-dimmed', '--mantine-color-error', '--mantine-color-anchor']) {
      expect({ name, ratio: contrast(variables[name], BODY[scheme]) }).toEqual({ name, ratio: expect.toSatisfy((ratio: number) => ratio >= 4.5) });
    }
    // The delete icons (ActionIcon subtle red) on the page.
    expect(contrast(variables['--mantine-color-red-light-color'], BODY[scheme])).toBeGreaterThanOrEqual(3);
    expect(contrast(variables['--mantine-color-disabled-color'], DISABLED_BACKGROUND[scheme])).toBeGreaterThanOrEqual(4.5);
    expect(variables['--mantine-color-disabled-color']).toBe(DISABLED_TEXT[scheme]);
    // The statuses' variables are the data checked above.
    expect(variables['--entente-status-a_venir']).toBe(cssColour(STATUS_COLOURS.a_venir[scheme].fill, palette));
  });
});
