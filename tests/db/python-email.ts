// An .eml file read back by Python's own `email` package (policy=email.policy.default, the
// strict modern parser): another implementation than ours says what a mail program will see.
// Debian's /usr/bin/python3 on purpose: `python3` on PATH may be a shim without the same modules.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export interface ParsedEmail {
  multipart: boolean;
  content_type: string;
  from: [string, string][];
  to: [string, string][];
  subject: string;
  /** As written in the file, before decoding. */
  raw_subject: string;
  unsent: string | null;
  mime_version: string | null;
  /** ISO 8601, with its offset. */
  date: string;
  text: string;
  text_type: string;
  text_charset: string | null;
  attachments: { filename: string | null; content_type_name: string | null; content_type: string; base64: string }[];
  /** Every defect Python found in the message or its parts. */
  defects: string[];
  /** The longest line of the file, in characters, CRLF left out. */
  longest_line: number;
  /** Lines ending in a bare LF. */
  bare_lf: number;
}

const SCRIPT = String.raw`
import base64, email, email.policy, json, sys
from email.utils import parsedate_to_datetime
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
def addresses(header):
    return [[a.display_name, a.addr_spec] for a in header.addresses] if header is not None else []
defects = [repr(d) for d in msg.defects]
for part in msg.walk():
    if part is not msg:
        defects += [repr(d) for d in part.defects]
for name in ('From', 'To', 'Subject', 'Date', 'Content-Type'):
    header = msg[name]
    if header is not None:
        defects += [repr(d) for d in header.defects]
body = msg.get_body(preferencelist=('plain',))
attachments = []
for part in msg.iter_attachments():
    defects += [repr(d) for d in part['Content-Type'].defects] + [repr(d) for d in part['Content-Disposition'].defects]
    attachments.append({
        'filename': part.get_filename(),
        'content_type_name': part['Content-Type'].params.get('name'),
        'content_type': part.get_content_type(),
        'base64': base64.b64encode(part.get_content()).decode('ascii'),
    })
raw_subject = [line for line in raw.split(b'\r\n\r\n')[0].decode('ascii').replace('\r\n ', ' ').split('\r\n') if line.startswith('Subject:')][0][9:]
lines = raw.split(b'\r\n')
print(json.dumps({
    'multipart': msg.is_multipart(),
    'content_type': msg.get_content_type(),
    'from': addresses(msg['From']),
    'to': addresses(msg['To']),
    'subject': str(msg['Subject']),
    'raw_subject': raw_subject,
    'unsent': msg['X-Unsent'],
    'mime_version': msg['MIME-Version'],
    'date': parsedate_to_datetime(msg['Date']).isoformat(),
    'text': body.get_content() if body is not None else '',
    'text_type': body.get_content_type() if body is not None else '',
    'text_charset': body.get_content_charset() if body is not None else None,
    'attachments': attachments,
    'defects': defects,
    'longest_line': max(len(line) for line in lines),
    'bare_lf': sum(line.count(b'\n') for line in lines),
}, ensure_ascii=False))
`;

/** The .eml file as Python's `email` package reads it; throws, in French, when Debian's Python is missing. */
export function parseEmlWithPython(file: string): ParsedEmail {
  if (!existsSync(PYTHON)) {
    throw new Error(
      `${PYTHON} est introuvable : ce test relit le courriel avec le paquet « email » de Python. ` +
        'Installez le paquet Debian python3 (apt-get install python3), comme le fait .ci/run.',
    );
  }
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8' })) as ParsedEmail;
}
