// Printing a window (main/printing.ts): one print at a time per window, as Chromium fails a second one started during the first.
import type { WebContents } from 'electron';
import { expect, test } from 'vitest';
import { printToPdf } from '../../main/printing';

/** A window whose printToPDF fails, as Chromium's does, when another is under way. */
function windowPrinting(): { contents: WebContents; order: string[] } {
  const order: string[] = [];
  let busy = false;
  const printToPDF = async (options: { headerTemplate: string }) => {
    if (busy) throw new Error('Printing failed');
    busy = true;
    const title = /Titre \d/.exec(options.headerTemplate)?.[0] ?? '?';
    order.push(`début ${title}`);
    await new Promise((done) => setTimeout(done, 20));
    order.push(`fin ${title}`);
    busy = false;
    return Buffer.from(title);
  };
  return { contents: { printToPDF } as unknown as WebContents, order };
}

test('deux impressions demandées ensemble se font l’une après l’autre, même si la première échoue', async () => {
  const { contents, order } = windowPrinting();
  const frame = (title: string) => ({ partners: ['Département d’Indre-et-Loire'], title });
  const [first, second] = await Promise.all([printToPdf(contents, frame('Titre 1')), printToPdf(contents, frame('Titre 2'))]);
  expect([first.toString(), second.toString()]).toEqual(['Titre 1', 'Titre 2']);
  expect(order).toEqual(['début Titre 1', 'fin Titre 1', 'début Titre 2', 'fin Titre 2']);

  // A print that fails leaves the window free for the next.
  let calls = 0;
  const flaky = {
    printToPDF: () => (++calls === 1 ? Promise.reject(new Error('Printing failed')) : Promise.resolve(Buffer.from('suivante'))),
  } as unknown as WebContents;
  const results = await Promise.allSettled([printToPdf(flaky, frame('Titre 3')), printToPdf(flaky, frame('Titre 4'))]);
  expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  expect(results[1]).toEqual({ status: 'fulfilled', value: Buffer.from('suivante') });
});
