// A .docx as an independent reader sees it: Python's python-docx (Debian's python3-docx),
// run by Debian's own python3 (a pyenv shim on PATH would not have Debian's modules). Used by
// tests/db/minutes-docx.test.ts, tests/db/cli.test.ts and tests/e2e/specs/word.spec.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

const INSTALL =
  'Installez python-docx pour le python3 de Debian : apt-get install -y python3-docx (.ci/run le fait). ' +
  "Install Debian's python3-docx: apt-get install -y python3-docx.";

export interface DocxParagraph {
  style: string;
  text: string;
}

export interface DocxContent {
  /** The body in order: paragraphs, and tables by their index in `tables`. */
  blocks: ({ kind: 'paragraph'; style: string; text: string } | { kind: 'table'; index: number })[];
  paragraphs: DocxParagraph[];
  /** Paragraphs styled Title or Heading N. */
  headings: DocxParagraph[];
  /** Each table's rows of cell texts, a merged cell once. */
  tables: string[][][];
  /** The paragraphs containing « Décision n° ». */
  decisions: string[];
  core: { title: string; subject: string; author: string; last_modified_by: string; keywords: string };
  header: string[];
  /** How many pictures the header holds (the partners' logos). */
  header_images: number;
  footer: string[];
  /** The field codes of the footer (« PAGE », « NUMPAGES »). */
  footer_fields: string[];
  /** The documents' default language (w:docDefaults). */
  language: string | null;
}

const SCRIPT = String.raw`
import json, sys
try:
    import docx
except ImportError:
    sys.exit(3)
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])

def table_rows(table):
    rows = []
    for row in table.rows:
        cells, seen = [], []
        for cell in row.cells:
            # python-docx repeats a merged cell once per grid column it spans.
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(cell.text)
        rows.append(cells)
    return rows

paragraphs = [{"style": p.style.name, "text": p.text} for p in document.paragraphs]
tables = [table_rows(t) for t in document.tables]
blocks, table_index, paragraph_index = [], 0, 0
for child in document.element.body.iterchildren():
    if child.tag == qn("w:p"):
        blocks.append({"kind": "paragraph", **paragraphs[paragraph_index]})
        paragraph_index += 1
    elif child.tag == qn("w:tbl"):
        blocks.append({"kind": "table", "index": table_index})
        table_index += 1

section = document.sections[0]
footer = section.footer
fields = [node.text.strip() for node in footer._element.iter(qn("w:instrText"))]
fields += [node.get(qn("w:instr")).strip() for node in footer._element.iter(qn("w:fldSimple"))]
languages = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
core = document.core_properties
print(json.dumps({
    "blocks": blocks,
    "paragraphs": paragraphs,
    "headings": [p for p in paragraphs if p["style"] == "Title" or p["style"].startswith("Heading")],
    "tables": tables,
    "decisions": [p["text"] for p in paragraphs if "Décision n°" in p["text"]],
    "core": {"title": core.title, "subject": core.subject, "author": core.author, "last_modified_by": core.last_modified_by, "keywords": core.keywords},
    "header": [p.text for p in section.header.paragraphs],
    "header_images": len(section.header._element.xpath(".//a:blip")),
    "footer": [p.text for p in footer.paragraphs],
    "footer_fields": fields,
    "language": languages[0] if languages else None,
}, ensure_ascii=False))
`;

/** What python-docx reads in `file`; a clear error, never a skip, where python-docx is missing. */
export function readDocx(file: string): DocxContent {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} introuvable (${PYTHON} not found). ${INSTALL}`);
  const result = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (result.error) throw new Error(`${PYTHON} ne démarre pas : ${result.error.message}. ${INSTALL}`);
  if (result.status === 3) throw new Error(`Le module python-docx manque à ${PYTHON} (python-docx is missing). ${INSTALL}`);
  if (result.status !== 0) throw new Error(`python-docx n'a pas pu lire ${file} :\n${result.stderr}`);
  return JSON.parse(result.stdout) as DocxContent;
}
