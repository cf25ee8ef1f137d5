// One screen in the light then the dark theme: a screenshot of each, and in each axe with no
// serious violation, every field named, no English left. Back to the light theme after.
import { expect } from '@playwright/test';
import { axeViolations, englishTexts, unlabelledFields } from './a11y';
import { screenshot, type AppHandle } from './fixtures';

export async function checkBothThemes(app: AppHandle, name: string): Promise<void> {
  const { page } = app;
  // A printed document's preview has no theme button: its paper stays white.
  const toggle = (to: 'clair' | 'sombre') => page.getByRole('button', { name: `Passer en thème ${to}` });
  for (const theme of ['clair', 'sombre'] as const) {
    const other = theme === 'clair' ? 'sombre' : 'clair';
    if (await toggle(theme).isVisible()) {
      await toggle(theme).click();
      await expect(toggle(other)).toBeVisible();
    }
    // No tooltip left open by the theme button's hover or focus.
    await page.mouse.move(700, 10);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await screenshot(app, `${name}-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom accessible : ${html}`),
      ...(await englishTexts(page)).map((text) => `texte en anglais : ${text}`),
    ];
    expect.soft(problems, `${name}, thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  if (await toggle('clair').isVisible()) {
    await toggle('clair').click();
    // Its tooltip stays open: what a spec prints next must not show it (renderer/app/print.css).
    await expect(toggle('sombre')).toBeVisible();
  }
}
