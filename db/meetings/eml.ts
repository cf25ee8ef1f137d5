// An e-mail message as a file (.eml, RFC 5322 and MIME), in plain Node: a text and its
// attachments, for the user's own mail program to open as a draft (Outlook reads X-Unsent),
// checked and sent from there. Entente sends nothing itself.
import { randomBytes } from 'node:crypto';

export interface MailAddress {
  /** The display name; null for the bare address. */
  name: string | null;
  email: string;
}

export interface MailAttachment {
  /** As the recipient sees it, accents included. */
  filename: string;
  /** "application/pdf". */
  content_type: string;
  bytes: Buffer;
}

export interface MailMessage {
  from?: MailAddress | null;
  to: MailAddress[];
  cc?: MailAddress[];
  subject: string;
  /** The message itself, plain text (any line ends). */
  text: string;
  attachments?: MailAttachment[];
  /** Default: now. */
  date?: Date;
  /** A draft to review and send (X-Unsent: 1): true by default. */
  draft?: boolean;
}

const CRLF = '\r\n';

/** A plausible address: what a mail program would accept in To:. */
export const isMailAddress = (text: string) => /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/.test(text);

const printableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * Text as RFC 2047 encoded words (=?UTF-8?B?…?=), each short enough for its own line
 * (75 characters at most), cut between characters, never inside one.
 */
export function encodedWords(text: string, maxBytes = 42): string[] {
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  for (const character of text) {
    const bytes = Buffer.from(character, 'utf8');
    if (size + bytes.length > maxBytes && size > 0) {
      words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`);
      chunk = [];
      size = 0;
    }
    chunk.push(bytes);
    size += bytes.length;
  }
  if (size > 0 || words.length === 0) words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`);
  return words;
}

/**
 * A header, folded between its tokens (RFC 5322 §2.2.3) so that each line keeps to 78
 * characters; a token is never cut.
 */
export function header(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  return [...lines, line].join(CRLF);
}

/** An unstructured header's words: as typed when plain ASCII, else RFC 2047 encoded words. */
export function textTokens(text: string): string[] {
  if (printableAscii(text) && !text.includes('=?')) {
    const words = text.split(' ');
    // Runs of spaces would unfold differently: kept on one line.
    return words.every(Boolean) ? words : [text];
  }
  return encodedWords(text);
}

/** « Émilie Durand <emilie.durand@departement41.fr> », the name encoded or quoted as needed, as tokens to fold between. */
function addressTokens({ name, email }: MailAddress): string[] {
  if (!name) return [`<${email}>`];
  if (!printableAscii(name) || name.includes('=?')) return [...encodedWords(name), `<${email}>`];
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+( [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/.test(name)) return [...name.split(' '), `<${email}>`];
  return [`"${name.replace(/(["\\])/g, '\\$1')}"`, `<${email}>`];
}

/** A list of addresses, comma-separated. */
const addressList = (addresses: MailAddress[]) =>
  addresses.flatMap((item, index) => {
    const tokens = addressTokens(item);
    if (index < addresses.length - 1) tokens[tokens.length - 1] += ',';
    return tokens;
  });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** "Mon, 15 Mar 2027 09:30:00 +0100": the local time and its offset (RFC 5322 §3.3). */
export function mailDate(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return (
    `${DAYS[date.getDay()]}, ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`
  );
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text: CRLF line ends, lines of 76 characters at most. */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens = [...bytes].map((byte, index) => {
        const last = index === bytes.length - 1;
        const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        return literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      });
      let encoded = '';
      let current = '';
      for (const token of tokens) {
        // 75 and the soft line break's « = » make 76.
        if (current.length + token.length > 75) {
          encoded += `${current}=${CRLF}`;
          current = '';
        }
        current += token;
      }
      return encoded + current;
    })
    .join(CRLF);
}

/** Base64 in lines of 76 characters. */
export function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** One character as RFC 2231 writes it: kept when an attr-char (§4), else its UTF-8 bytes as %XX. */
const percentEncoded = (character: string) =>
  /^[A-Za-z0-9!#$&+\-.^_`|~]$/.test(character)
    ? character
    : [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * `filename*=UTF-8''…` (RFC 2231): accents percent-encoded, cut into numbered continuations
 * (filename*0*=, filename*1*=…) when long, between characters: some readers decode each
 * continuation on its own.
 */
export function extendedParameter(name: string, value: string): string {
  const pieces: string[] = [''];
  for (const character of value) {
    const encoded = percentEncoded(character);
    if (pieces[pieces.length - 1].length + encoded.length > 50) pieces.push('');
    pieces[pieces.length - 1] += encoded;
  }
  if (pieces.length <= 1) return `${name}*=UTF-8''${pieces[0]}`;
  return pieces.map((piece, index) => `${name}*${index}*=${index === 0 ? "UTF-8''" : ''}${piece}`).join(`;${CRLF} `);
}

/** A file name as a parameter: quoted when plain ASCII and short, else RFC 2231. */
const fileParameter = (name: string, value: string) =>
  printableAscii(value) && value.length <= 60 ? `${name}="${value.replace(/(["\\])/g, '\\$1')}"` : extendedParameter(name, value);

/** The message as the bytes of an .eml file: multipart/mixed, its text then its attachments. */
export function buildEml(message: MailMessage): Buffer {
  // « =_ » never occurs in quoted-printable or base64: the boundary cannot appear in a part.
  const boundary = `=_Entente_${randomBytes(12).toString('hex')}`;
  const headers = [
    ...(message.from ? [header('From', addressTokens(message.from))] : []),
    ...(message.to.length > 0 ? [header('To', addressList(message.to))] : []),
    ...(message.cc && message.cc.length > 0 ? [header('Cc', addressList(message.cc))] : []),
    header('Subject', textTokens(message.subject)),
    `Date: ${mailDate(message.date ?? new Date())}`,
    'MIME-Version: 1.0',
    ...(message.draft === false ? [] : ['X-Unsent: 1']),
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
  ];
  const parts = [
    ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(message.text)].join(CRLF),
    ...(message.attachments ?? []).map((attachment) =>
      [
        // RFC 2231 in both headers: an encoded word inside a quoted string is no MIME (RFC 2047 §5).
        `Content-Type: ${attachment.content_type};${CRLF} ${fileParameter('name', attachment.filename)}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment;${CRLF} ${fileParameter('filename', attachment.filename)}`,
        '',
        base64Lines(attachment.bytes),
      ].join(CRLF),
    ),
  ];
  const body = [...parts.map((part) => `--${boundary}${CRLF}${part}`), `--${boundary}--`, ''].join(CRLF);
  return Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}${body}`, 'utf8');
}
