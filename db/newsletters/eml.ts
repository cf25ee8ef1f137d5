// A published lettre as an e-mail: an .eml draft (X-Unsent) for Outlook or Thunderbird,
// multipart/alternative with a plain-text part and an HTML part. The HTML carries its styles
// on each element (mail programs drop <style> sheets) and loads nothing from outside: no
// image, no font, no sheet; the only addresses are the links the secretariat wrote.
import { randomBytes } from 'node:crypto';
import { frenchDate, frenchTypography } from '../../common/french';
import { betweenPartners } from '../../common/partners';
import { ValidationError } from '../errors';
import { header, mailDate, quotedPrintable, textTokens } from '../meetings/eml';
import { listPartners } from '../people/reads';
import { getProject } from '../project/reads';
import type { Store } from '../store/store';
import { escapeHtml, markdownHtml, markdownText, parseMarkdown, type HtmlStyles } from './markdown';
import { printedKind } from './document';
import { getNewsletter } from './reads';
import type { NewsletterRow } from './types';
import { safeFileName } from '../files';

const CRLF = '\r\n';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const INK = '#1d2733';
const BAND = '#1f4e79';

const BODY_STYLES: HtmlStyles = {
  h2: `${FONT}font-size:17px;color:${BAND};margin:16px 0 6px;`,
  h3: `${FONT}font-size:15px;color:${BAND};margin:12px 0 4px;`,
  p: `${FONT}font-size:14px;line-height:1.5;color:${INK};margin:0 0 10px;`,
  ul: `${FONT}font-size:14px;line-height:1.5;color:${INK};margin:0 0 10px;padding-left:22px;`,
  li: 'margin:0 0 4px;',
  a: `color:${BAND};text-decoration:underline;`,
  strong: 'font-weight:bold;',
};

/** The lettre as an HTML page whose every style is inline. */
function newsletterHtml(newsletter: NewsletterRow, partners: string[], project: string): string {
  const editorial = parseMarkdown(newsletter.editorial);
  const items = newsletter.items
    .map(
      (item) =>
        `<div style="border-top:1px solid #c9d3de;padding:14px 0 4px;">` +
        (printedKind(item)
          ? `<p style="${FONT}font-size:11px;letter-spacing:1px;text-transform:uppercase;color:#5a6b7d;margin:0 0 4px;">${escapeHtml(printedKind(item)!)}</p>`
          : '') +
        `<h2 style="${FONT}font-size:18px;color:${INK};margin:0 0 8px;">${escapeHtml(frenchTypography(item.title))}</h2>` +
        markdownHtml(parseMarkdown(item.body), BODY_STYLES) +
        `</div>`,
    )
    .join('\n');
  const published = newsletter.published_on ? `Publiée le ${frenchDate(newsletter.published_on)} · ` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(newsletter.title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#eef2f6;">`,
    `<div style="max-width:680px;margin:0 auto;background:#ffffff;">`,
    `<div style="background:${BAND};color:#ffffff;padding:18px 24px;">`,
    `<p style="${FONT}font-size:12px;color:#dbe6f1;margin:0 0 8px;">${partners.map(escapeHtml).join(' &nbsp;·&nbsp; ')}</p>`,
    `<h1 style="${FONT}font-size:24px;color:#ffffff;margin:0 0 6px;">${escapeHtml(frenchTypography(newsletter.title))}</h1>`,
    `<p style="${FONT}font-size:13px;color:#dbe6f1;margin:0;">${escapeHtml(project)} · ${published}Période ${escapeHtml(newsletter.period_label)}</p>`,
    `</div>`,
    `<div style="padding:8px 24px 16px;">`,
    ...(editorial.length > 0
      ? [
          `<div style="background:#f3f6f9;border-left:4px solid ${BAND};padding:10px 16px;margin:16px 0;">`,
          `<p style="${FONT}font-size:11px;letter-spacing:1px;text-transform:uppercase;color:#5a6b7d;margin:0 0 6px;">Éditorial</p>`,
          markdownHtml(editorial, BODY_STYLES),
          `</div>`,
        ]
      : []),
    items,
    `</div>`,
    `<p style="${FONT}font-size:11px;color:#5a6b7d;margin:0;padding:12px 24px 20px;">${escapeHtml(`Lettre d'info de la coopération ${betweenPartners(partners)}.`)}</p>`,
    `</div>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The same lettre in plain text, for the mail programs and readers that show no HTML. */
function newsletterText(newsletter: NewsletterRow, partners: string[]): string {
  const title = newsletter.title;
  const parts = [
    partners.join(' · '),
    '',
    title,
    '='.repeat(title.length),
    `Période ${newsletter.period_label}${newsletter.published_on ? ` · publiée le ${frenchDate(newsletter.published_on)}` : ''}`,
  ];
  const editorial = parseMarkdown(newsletter.editorial);
  if (editorial.length > 0) parts.push('', 'ÉDITORIAL', '', markdownText(editorial));
  for (const item of newsletter.items) {
    const body = markdownText(parseMarkdown(item.body));
    const kind = printedKind(item);
    parts.push('', '', `${kind ? `[${kind}] ` : ''}${frenchTypography(item.title)}`, ...(body ? ['', body] : []));
  }
  return `${parts.join('\n')}\n`;
}

/** A text part, UTF-8 quoted-printable. */
const textPart = (type: 'plain' | 'html', text: string) =>
  [`Content-Type: text/${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(text)].join(CRLF);

/** The published lettre as the bytes of an .eml draft, without recipients: the mail program's own list takes them. */
export function newsletterEml(store: Store, id: string, date = new Date()): { eml: Buffer; file_name: string } {
  const newsletter = getNewsletter(store, id);
  if (!newsletter.published_on) {
    throw new ValidationError(`La lettre n° ${newsletter.number} n'est pas publiée : publiez-la avant d'en préparer le courriel.`, 'published_on');
  }
  const partners = listPartners(store).map((partner) => partner.name);
  // « =_ » never occurs in quoted-printable: the boundary cannot appear in a part.
  const boundary = `=_Entente_${randomBytes(12).toString('hex')}`;
  const headers = [
    header('Subject', textTokens(newsletter.title)),
    `Date: ${mailDate(date)}`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
  ];
  // The plainest first, the richest last (RFC 2046 §5.1.4): a mail program shows the last it can.
  const parts = [textPart('plain', newsletterText(newsletter, partners)), textPart('html', newsletterHtml(newsletter, partners, getProject(store).name))];
  const body = [...parts.map((part) => `--${boundary}${CRLF}${part}`), `--${boundary}--`, ''].join(CRLF);
  return { eml: Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}${body}`, 'utf8'), file_name: safeFileName(newsletter.title, '.eml') };
}
