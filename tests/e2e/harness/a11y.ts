// Accessibility checks of one screen: axe-core's serious and critical violations, and every
// form field's accessible name. Each answers readable lines, empty when all is well.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's violations of impact serious or critical, one line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `[${violation.impact}] ${violation.id} (${violation.help}) — ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${node.failureSummary?.replace(/\n/g, ' ') ?? ''}`,
      ),
    );
}

/** The rendered input, select and textarea elements that have no accessible name. */
export async function unlabelledFields(page: Page): Promise<string[]> {
  return page.locator('input:not([type="hidden"]), select, textarea').evaluateAll((fields) => {
    const text = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    return fields
      .filter((field) => field.getClientRects().length > 0 || (field as HTMLInputElement).type === 'checkbox' || (field as HTMLInputElement).type === 'radio')
      .filter((field) => !field.closest('[aria-hidden="true"], [inert]'))
      .filter((field) => {
        const labels = Array.from((field as HTMLInputElement).labels ?? []).map((label) => label.textContent?.trim() ?? '');
        const name = [field.getAttribute('aria-label')?.trim(), text(field.getAttribute('aria-labelledby')), ...labels, field.getAttribute('title')?.trim()];
        return !name.some(Boolean);
      })
      .map((field) => field.outerHTML.slice(0, 200));
  });
}
