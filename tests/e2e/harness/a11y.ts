// Accessibility checks of one screen: axe-core's serious and critical violations, and every
// form field's accessible name. Each answers readable lines, empty when all is well.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's violations of impact serious or critical: one entry per rule, with its elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const [first] = violation.nodes;
      const targets = violation.nodes.slice(0, 4).map((node) => node.target.join(' '));
      const more = violation.nodes.length > 4 ? ` (+${violation.nodes.length - 4})` : '';
      const detail = first?.failureSummary?.split('\n').slice(1).join(' ').trim().slice(0, 240) ?? '';
      return `[${violation.impact}] ${violation.id} : ${violation.help} — ${violation.nodes.length} élément(s) : ${targets.join(' | ')}${more}\n      ex. ${first?.html.slice(0, 160)}\n      ${detail}`;
    });
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

const ENGLISH =
  /\b(Loading|Save|Cancel|Search|Close|Submit|Delete|Edit|Remove|Previous|Next|Clear|Nothing found|No results|No data|Error|Select|Toggle|Back|Today|Month|Year|Show|Hide|Required|Invalid|Expand|Collapse|Settings|Dashboard|Upload|Download|Pick|Choose)\b/;

/** Words of English among the texts and the accessible names of the page (library defaults left untranslated). */
export async function englishTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && node.parentElement?.closest('script, style') === null) found.push(text);
    }
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]'))) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(`${name}="${value}"`);
      }
    }
    return found;
  });
  return [...new Set(texts.filter((text) => ENGLISH.test(text.replace(/\S+@\S+|\w+:\/\/\S+/g, ''))))];
}
