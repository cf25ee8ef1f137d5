// The compte rendu and the relevé de décisions as a Word document (.docx), for a secretariat
// that edits or forwards the minutes. Laid out from the same MinutesDocument as the printed
// PDF, which stays the reference: the same sections, numbers and words, computed nowhere else.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { minutesDocument } from './document';
import type { Store } from '../store/store';
import type { MinutesActionItem, MinutesDocument, MinutesPerson, PrintedPartner } from './document-types';
import type { MinutesLayout } from '../../common/vocabulary';
import { capitalized, frenchTypography } from '../../common/french';
import { partnerWord } from '../../common/partners';

// A4, margins of 2 cm (twips: twentieths of a point).
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = 'Calibri';
const GREY = '595959';
const ACCENT = '1F3864';
const SHADE = 'E8EDF3';
const LIGHT_SHADE = 'F3F5F8';

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ ...options, text: frenchTypography(text) });

/** A typed text as runs, a line break before each line after the first: Word shows a line feed inside a run as a space. */
const lines = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  text.split(/\r?\n/).map((line, index) => run(line, index === 0 ? options : { ...options, break: 1 }));

/** A paragraph of runs (or of one plain text, its lines kept). */
function paragraph(content: string | TextRun[], options: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph {
  return new Paragraph({ ...options, children: typeof content === 'string' ? lines(content) : content });
}

const heading1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(text)] });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text)] });
const bullet = (content: string | TextRun[]) => paragraph(content, { bullet: { level: 0 } });
const label = (text: string) => paragraph([run(text, { bold: true })], { spacing: { before: 120, after: 40 }, keepNext: true });
const none = (text: string) => paragraph([run(text, { italics: true, color: GREY })]);

/** Free text as typed: one paragraph per line. */
const textParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => paragraph(line));

interface Column {
  title: string;
  /** Share of the text width. */
  share: number;
}

type CellContent = string | Paragraph[];

function cell(content: CellContent, width: number, options: { shade?: string; bold?: boolean; span?: number } = {}): TableCell {
  const children = typeof content === 'string' ? [paragraph(lines(content, { bold: options.bold }))] : content;
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
  });
}

/** A table the width of the text, its head row repeated on every page. */
function table(columns: Column[], rows: (CellContent[] | { section: string })[]): Table {
  const widths = columns.map((column) => Math.round(column.share * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((column, index) => cell(column.title, widths[index], { shade: SHADE, bold: true })),
      }),
      ...rows.map((row) =>
        'section' in row
          ? new TableRow({ cantSplit: true, children: [cell(row.section, TEXT_WIDTH, { shade: LIGHT_SHADE, bold: true, span: columns.length })] })
          : new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, widths[index])) }),
      ),
    ],
  });
}

/** The meeting's facts, label and value side by side, as at the head of the PDF. */
function factsTable(facts: [string, string | string[]][]): Table {
  const widths = [Math.round(0.28 * TEXT_WIDTH), TEXT_WIDTH - Math.round(0.28 * TEXT_WIDTH)];
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'D9D9D9' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: facts.map(
      ([name, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(name, widths[0], { shade: LIGHT_SHADE, bold: true }),
            cell(typeof value === 'string' ? value : value.map((line) => paragraph(line)), widths[1]),
          ],
        }),
    ),
  });
}

/** « Anne Leroy, Directrice générale des services ». */
const nameAndFunction = (person: MinutesPerson) => [person.name, person.function].filter(Boolean).join(', ');

/** « Anne Leroy, Directrice générale des services (Département d'Indre-et-Loire) ». */
const personWithOrganisation = (person: MinutesPerson | null) =>
  person ? `${nameAndFunction(person)}${person.organisation ? ` (${person.organisation})` : ''}` : '—';

/** « Responsable : Marc Petit (Loir-et-Cher) — Échéance : 30/06/2027 ». */
function actionDetails(action: MinutesActionItem): string {
  return [
    `Responsable : ${action.responsable ?? 'à désigner'}`,
    `Échéance : ${action.due_date_label ?? 'non fixée'}`,
    ...(action.status_label ? [`Statut : ${action.status_label}`] : []),
  ].join(' — ');
}

function titleBlock(document: MinutesDocument): Paragraph[] {
  const { version, validation } = document;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(document.layout_label)] }),
    paragraph([run(document.meeting.title, { bold: true, size: 30, color: ACCENT })], { spacing: { after: 60 } }),
    paragraph([run(document.project_name, { italics: true, color: GREY })], { spacing: { after: 120 } }),
    ...(version.label ? [paragraph(`${version.label}${version.amendment_reason ? ` — motif : ${version.amendment_reason}` : ''}`)] : []),
    ...(validation.draft
      ? [paragraph([run(validation.status === 'envoye' ? 'Projet envoyé pour validation' : 'Projet non validé', { bold: true, color: 'C00000' })])]
      : []),
  ];
}

function facts(document: MinutesDocument): Table {
  const { meeting } = document;
  return factsTable([
    ['Type de réunion', meeting.type_label],
    ['Date', meeting.date_label],
    ['Heure', `${meeting.time_label} (${meeting.duration_label})`],
    ['Lieu', meeting.place ?? 'Non précisé'],
    ['Présidence', personWithOrganisation(document.president)],
    ['Secrétaire de séance', personWithOrganisation(document.secretary)],
    ['Secrétariat', document.secretariat ?? '—'],
    ...(meeting.chantiers.length > 0
      ? [
          [meeting.chantiers.length > 1 ? 'Chantiers concernés' : 'Chantier concerné', meeting.chantiers.map((chantier) => chantier.label)] as [
            string,
            string[],
          ],
        ]
      : []),
    ['Validation', document.validation.sentence],
    ...(document.layout === 'releve' && document.attendance.sections.length > 0
      ? [['Participants', document.attendance.sections.map((section) => `${section.label} : ${section.count}`).join(' · ')] as [string, string]]
      : []),
  ]);
}

function agenda(document: MinutesDocument): (Paragraph | Table)[] {
  if (document.agenda.length === 0) return [heading1('Ordre du jour'), none("Aucun point inscrit à l'ordre du jour.")];
  return [
    heading1('Ordre du jour'),
    ...document.agenda.map((item) => {
      const details = [item.presenter, item.chantier_label].filter(Boolean).join(' · ');
      return paragraph(
        [
          run(`${item.number}. ${item.title}`),
          ...(details ? [run(` — ${details}`, { color: GREY, size: 20 })] : []),
          run(`\t${item.start_label}${item.duration_label ? ` (${item.duration_label})` : ''}`),
        ],
        { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], spacing: { after: 60 } },
      );
    }),
  ];
}

function participants(document: MinutesDocument): (Paragraph | Table)[] {
  const { sections } = document.attendance;
  if (sections.length === 0) return [heading1('Participants'), none('Aucun participant inscrit.')];
  const rows = sections.flatMap((section) => [
    { section: `${section.label} (${section.count})` },
    ...section.groups.flatMap((group) =>
      group.people.map((person): CellContent[] => [
        [
          paragraph(person.name),
          ...(person.represented_label ? [paragraph([run(capitalized(person.represented_label), { italics: true, color: GREY, size: 20 })])] : []),
        ],
        // A column of its own: its first letter a capital.
        person.function ? capitalized(person.function) : '',
        group.label,
      ]),
    ),
  ]);
  return [
    heading1('Participants'),
    table(
      [
        { title: 'Participant', share: 0.34 },
        { title: 'Fonction', share: 0.33 },
        { title: `${partnerWord(document.partners)} ou organisme`, share: 0.33 },
      ],
      rows,
    ),
  ];
}

/** « Décision n° 1 — … », the number in bold, as in the PDF. */
const decision = ({ number, text }: { number: number; text: string }) =>
  paragraph([run(`Décision n° ${number}`, { bold: true, color: ACCENT }), ...lines(` — ${text}`)], {
    shading: { type: ShadingType.CLEAR, fill: LIGHT_SHADE, color: 'auto' },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 6 } },
    indent: { left: 160 },
    spacing: { before: 80, after: 80 },
  });

function items(document: MinutesDocument): (Paragraph | Table)[] {
  if (document.layout === 'releve') {
    const decided = document.items.filter((item) => item.decisions.length > 0);
    return [
      heading1('Décisions'),
      ...(decided.length === 0 ? [none("Aucune décision n'a été prise.")] : []),
      ...decided.flatMap((item) => [heading2(`${item.number}. ${item.title}`), ...item.decisions.map(decision)]),
    ];
  }
  return [
    heading1('Compte rendu des échanges'),
    ...(document.items.length === 0 ? [none("Aucun point inscrit à l'ordre du jour.")] : []),
    ...document.items.flatMap((item) => {
      const meta = [item.presenter && `Présenté par ${item.presenter}`, item.chantier_label, item.action_label && `Action : ${item.action_label}`].filter(
        (part): part is string => !!part,
      );
      const empty = !item.notes && item.informations.length === 0 && item.decisions.length === 0 && item.actions.length === 0;
      return [
        heading2(`${item.number}. ${item.title}`),
        ...(meta.length > 0 ? [paragraph([run(meta.join(' · '), { italics: true, color: GREY })])] : []),
        ...(item.notes ? textParagraphs(item.notes) : []),
        ...(item.informations.length > 0 ? [label('Informations'), ...item.informations.map((text) => bullet(text))] : []),
        ...item.decisions.map(decision),
        ...(item.actions.length > 0
          ? [label('Actions à mener'), ...item.actions.map((action) => bullet([...lines(action.title), run(` — ${actionDetails(action)}`, { color: GREY })]))]
          : []),
        ...(empty ? [none('Point traité sans décision ni action à mener.')] : []),
      ];
    }),
  ];
}

function actions(document: MinutesDocument): (Paragraph | Table)[] {
  if (document.actions.length === 0) return [heading1('Tableau des actions à mener'), none('Aucune action à mener.')];
  return [
    heading1('Tableau des actions à mener'),
    table(
      [
        { title: 'N°', share: 0.06 },
        { title: 'Action', share: 0.38 },
        { title: 'Point', share: 0.07 },
        { title: 'Responsable', share: 0.21 },
        { title: 'Échéance', share: 0.12 },
        { title: 'Statut', share: 0.16 },
      ],
      document.actions.map((action) => [
        String(action.number),
        [paragraph(action.title), ...(action.chantier_label ? [paragraph([run(action.chantier_label, { color: GREY, size: 18 })])] : [])],
        String(action.item_number),
        action.responsable ?? 'À désigner',
        action.due_date_label ?? 'Non fixée',
        action.kind === 'suivi' ? (action.status_label ?? action.kind_label) : action.kind_label,
      ]),
    ),
  ];
}

function followUp(document: MinutesDocument): (Paragraph | Table)[] {
  const { previous_label: previous, lines } = document.follow_up;
  // A first meeting has no previous compte rendu to follow up.
  if (!previous) return [];
  return [
    heading1('Suivi des actions du précédent compte rendu'),
    paragraph(`Actions décidées lors de la réunion précédente (${previous}).`),
    lines.length === 0
      ? none('Le précédent compte rendu ne prévoyait aucune action.')
      : table(
          [
            { title: 'Action', share: 0.27 },
            { title: 'Responsable', share: 0.18 },
            { title: 'Échéance', share: 0.12 },
            { title: 'Statut', share: 0.14 },
            { title: 'Avancement', share: 0.12 },
            { title: 'Commentaire', share: 0.17 },
          ],
          lines.map((line) => [
            line.title,
            line.responsable ?? '—',
            line.due_date_label ?? '—',
            [paragraph(line.status_label), ...(line.late ? [paragraph([run('En retard', { bold: true, color: 'C00000' })])] : [])],
            line.progress_label ?? '—',
            line.comment ?? '',
          ]),
        ),
  ];
}

function closing(document: MinutesDocument): Paragraph[] {
  return [
    heading1('Prochaine réunion'),
    paragraph(document.next_meeting ? `La prochaine réunion aura lieu le ${document.next_meeting.label}.` : 'La date de la prochaine réunion reste à fixer.'),
    ...(document.diffusion.length > 0 ? [heading1('Diffusion'), ...document.diffusion.map((line) => bullet(line))] : []),
  ];
}

/** Each partner's visa, side by side: « Pour le Département d'Indre-et-Loire », the signatory, room to sign. */
function visas(document: MinutesDocument): (Paragraph | Table)[] {
  if (document.visas.length === 0) return [];
  const width = Math.floor(TEXT_WIDTH / document.visas.length);
  const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return [
    paragraph('', { spacing: { before: 360 } }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: document.visas.map(() => width),
      borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
      rows: [
        new TableRow({
          cantSplit: true,
          children: document.visas.map(
            (visa) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                borders: { top: { style: BorderStyle.SINGLE, size: 6, color: '1A1A1A' }, bottom: noBorder, left: noBorder, right: noBorder },
                margins: { top: 80, right: 160 },
                children: [
                  paragraph([run(visa.heading, { bold: true })], { keepNext: true }),
                  ...(visa.signatory
                    ? [
                        paragraph(visa.signatory.name, { keepNext: true }),
                        ...(visa.signatory.function ? [paragraph([run(visa.signatory.function, { color: GREY })], { keepNext: true })] : []),
                      ]
                    : []),
                  // Room to sign.
                  paragraph('', { spacing: { after: 1400 } }),
                ],
              }),
          ),
        }),
      ],
    }),
  ];
}

/** A logo at most 1.3 cm high and 4.5 cm wide, its proportions kept (pixels at 96 to the inch). */
function logoRun(logo: NonNullable<PrintedPartner['logo']>): ImageRun | null {
  // Word needs a bitmap: an SVG logo stays on the PDF only.
  if (logo.type === 'image/svg+xml' || !logo.width || !logo.height) return null;
  const scale = Math.min(49 / logo.height, 170 / logo.width, 1);
  return new ImageRun({
    type: logo.type === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(logo.data_url.slice(logo.data_url.indexOf(',') + 1), 'base64'),
    transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
    altText: { name: 'Logo', description: 'Logo', title: 'Logo' },
  });
}

/** The partners' logos, one at the left, the other at the right, when chosen. */
function logos(document: MinutesDocument): Paragraph[] {
  const runs = document.partners.map((partner) => (partner.logo ? logoRun(partner.logo) : null));
  if (runs.every((image) => image === null)) return [];
  const children = runs.flatMap((image, index) => [...(index > 0 ? [new TextRun({ text: '\t' })] : []), ...(image ? [image] : [])]);
  return [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], spacing: { after: 60 }, children })];
}

/** The partners' logos and names on every page, and « PROJET » on minutes not yet validated. */
function header(document: MinutesDocument): Header {
  return new Header({
    children: [
      ...logos(document),
      paragraph([run(document.partners.map((partner) => partner.name).join('   ·   '), { smallCaps: true, size: 18, color: GREY })], {
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
      }),
      ...(document.validation.draft
        ? [paragraph([run('PROJET — document non validé', { bold: true, size: 18, color: 'C00000' })], { alignment: AlignmentType.CENTER })]
        : []),
    ],
  });
}

/** The document's title at the left, « Page X sur Y » at the right, on every page. */
function footer(title: string): Footer {
  const small = { size: 16, color: GREY };
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 4 } },
        children: [run(title, small), new TextRun({ ...small, children: ['\tPage ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** The Word document of minutes already laid out for printing. */
export function minutesDocxOf(document: MinutesDocument): Promise<Buffer> {
  const title = `${document.layout_label} – ${document.meeting.title}`;
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  const file = new Document({
    title,
    subject: document.project_name,
    creator: document.secretariat ?? document.project_name,
    lastModifiedBy: 'Entente',
    description: document.validation.sentence,
    keywords: [document.meeting.type_label, document.layout_label].join(', '),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: 'fr-FR' } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { after: 60 } } },
        heading1: heading(28, 320, 0),
        heading2: heading(24, 200, 1),
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
        },
        headers: { default: header(document) },
        footers: { default: footer(`${document.layout_label} — ${document.meeting.title}`) },
        children: [
          ...titleBlock(document),
          facts(document),
          // The suivi du précédent compte rendu right after the participants, as in the PDF.
          ...(document.layout === 'compte_rendu' ? [...agenda(document), ...participants(document), ...followUp(document)] : []),
          ...items(document),
          ...actions(document),
          ...(document.layout === 'releve' ? followUp(document) : []),
          ...closing(document),
          ...visas(document),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** The compte rendu or the relevé de décisions of a meeting, as a .docx file's bytes. */
export function minutesDocx(store: Store, meetingId: string, layout: MinutesLayout): Promise<Buffer> {
  return minutesDocxOf(minutesDocument(store, meetingId, layout));
}
