// `entente lettre …`: the lettres d'info from a terminal — list, draft, publish, the .eml.
import { shortFrenchDate } from '../../common/french';
import { resolve } from 'node:path';
import { refusal } from '../errors';
import { writeFileAtomically } from '../files';
import { newsletterEml } from '../newsletters/eml';
import { getNewsletter, listNewsletters, newsletterByNumber } from '../newsletters/reads';
import type { NewsletterRow } from '../newsletters/types';
import { createNewsletter, publishNewsletter } from '../newsletters/writes';
import type { Store } from '../store/store';
import type { PisteArgs } from './pistes';
import { textTable } from './table';

function formatNewsletters(rows: NewsletterRow[]): string {
  const header = ['N°', 'État', 'Période', 'Articles', 'Titre'];
  const lines = rows.map((row) => [
    String(row.number),
    row.published_on ? `publiée le ${shortFrenchDate(row.published_on)}` : 'brouillon',
    `${row.period_start ? shortFrenchDate(row.period_start) : '…'} → ${shortFrenchDate(row.period_end)}`,
    String(row.items.length),
    row.title,
  ]);
  return textTable(header, lines, `${rows.length} lettre(s)`);
}

const numberOf = (args: PisteArgs, usage: string) => {
  const [number] = args.rest;
  if (!number || args.rest.length > 1) throw refusal('usage', usage);
  return number;
};

export function newsletterCommand(store: Store, sub: string | undefined, args: PisteArgs): void {
  const out = (text: string) => process.stdout.write(text);
  if (sub === 'list') {
    const rows = listNewsletters(store);
    out(args.flag('json') ? `${JSON.stringify(rows, null, 2)}\n` : formatNewsletters(rows));
  } else if (sub === 'draft') {
    const created = getNewsletter(store, createNewsletter(store));
    out(`Lettre n° ${created.number} en préparation (${created.items.length} article(s) proposé(s), période ${created.period_label}) : ${created.id}\n`);
  } else if (sub === 'publish') {
    const newsletter = newsletterByNumber(store, numberOf(args, 'Usage : entente lettre publish N'));
    publishNewsletter(store, newsletter.id);
    out(`Lettre n° ${newsletter.number} publiée.\n`);
  } else if (sub === 'eml') {
    const newsletter = newsletterByNumber(store, numberOf(args, 'Usage : entente lettre eml N --to FICHIER.eml'));
    const target = args.option('to');
    if (!target) throw refusal('usage', "L'option --to est obligatoire.");
    const file = resolve(target);
    writeFileAtomically(file, newsletterEml(store, newsletter.id).eml);
    out(`Courriel écrit : ${file}\n`);
  } else {
    throw refusal('usage', `Commande inconnue : lettre ${sub ?? ''}. Voir entente --help.`);
  }
}
