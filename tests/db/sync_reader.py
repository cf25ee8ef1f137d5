#!/usr/bin/python3
"""Independent reader for Entente exchange files (.entente), formats 7, 6, 5, 4 and 3,
and for a shared folder's document files (<sha256>.entente-doc).

Written from docs/sync.md only, as a test of that document.  Usage:

  sync_reader.py FILE --passphrase P --project ID [--keys KEYS.json]
                 [--previous-chains CHAINS.json]

The kind of FILE is chosen by its magic bytes.  A document file is read with
the passphrase and project only (--keys and --previous-chains are ignored),
but its name must start with the document's SHA-256 in hex: that digest is
the HKDF salt of its key, and the file itself does not carry it.

KEYS.json:   {"<origin>": "<public key: base64url of the Ed25519 x, 43 chars>"}
CHAINS.json: {"<origin>": {"<seq>": "<chain, base64>"}}  (chains the reader
             already holds, used as H when a run starts after seq 1)

Prints one JSON object on stdout; on a refusal, one line on stderr and exit 1.
"""
import os, sys  # noqa: E401

try:  # python3-brotli is a Debian package: make sure we run the system Python.
    import brotli
except ImportError:  # pragma: no cover
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

import argparse, base64, datetime, hashlib, hmac, json, re, struct, unicodedata  # noqa: E401

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"ENTENTE-SYNC"
DOC_MAGIC = b"ENTENTE-DOC1"   # "ENTENTE-DOC" + a version digit (assumed), then the key id
DOC_KEY_INFO = "entente : document joint d'un dossier partagé"
MAX_HEADER = 1 << 20          # 1 MiB
MAX_PLAIN = 1 << 30           # 1 GiB
OWN_SCHEMA = 11               # shared schema this reader understands (doc: 0.11.0 / schema 11)
FILE_KEY_INFO = {7: "entente : clé d'un fichier d'échange, format 7",
                 6: "entente : clé d'un fichier d'échange, format 6",
                 5: "entente : clé d'un fichier d'échange, format 5",
                 4: "entente : clé d'un fichier d'échange, format 4",
                 3: "entente : clé d'un fichier d'échange, format 3"}

MAX_VARINT_BYTES = 8          # formats 5 to 7: a varint is at most 8 bytes and at most 2^53 - 1
MAX_SAFE_INTEGER = (1 << 53) - 1
MAX_LENGTH_BYTES = 3          # format 7: the header's length is a varint of 1 to 3 bytes
MAX_MS = 10 ** 13 - 1         # a clock's milliseconds have at most 13 digits

# Format 7 writes a sender id of Entente's form as a 12-digit base-34 number over this
# alphabet (no l, no o), first character most significant, in 8 big-endian bytes.
SENDER_ALPHABET = "0123456789abcdefghijkmnpqrstuvwxyz"
SENDER_DIGITS = 12
FORMAT_7_APP = "0.11.0"       # format 7: the version needed when flag 8 (`a`) is not set

# Formats 5 to 7 name a change's (entity, field) by its number in this fixed table
# (docs/sync.md, « Les noms des champs »): entity after entity, fields in order,
# numbered from 0.  It never changes; newer fields travel by name (body part 4).
FIELD_TABLE = [
    ("project", "name validation_silence_days deleted"),
    ("partner", "code name short_name position kind deleted"),
    ("person", "name function partner_id email civility deleted"),
    ("chantier", "number title description stage deleted"),
    ("action", "chantier_id title description status priority finalites cooperation_form "
               "start_date end_date progress number to_arbitrate deleted"),
    ("pilot", "owner_id partner_id person_id services deleted"),
    ("step", "action_id label done position deleted"),
    ("note", "action_id date author_id text deleted"),
    ("link", "action_id label url deleted"),
    ("meeting", "type title date start_time duration_minutes place chantier_ids president_id "
                "secretary_id secretariat_partner_id diffusion next_meeting_date "
                "validation_status sent_on validated_on validated_by_id validated_seen version "
                "previous_version_id amendment_reason deleted"),
    ("participant", "meeting_id person_id name function organisation attendance represented_by "
                    "deleted"),
    ("agenda_item", "meeting_id position title presenter duration_minutes chantier_id action_id "
                    "notes to_arbitrate deleted"),
    ("entry", "meeting_id agenda_item_id kind text position deleted"),
    ("action_item", "meeting_id agenda_item_id position kind action_id title responsable_id "
                    "due_date chantier_id status deleted"),
    ("follow_up", "meeting_id action_item_id action_id title responsable_id due_date status "
                  "progress comment deleted"),
    ("indicator", "chantier_id name unit target_value target_date deleted"),
    ("indicator_link", "indicator_id action_id deleted"),
    ("indicator_value", "indicator_id date value author_id comment deleted"),
    ("budget_line", "action_id year partner_id planned spent tax_basis deleted"),
    ("funding", "action_id funder_type funder_name amount status deleted"),
    ("action_party", "action_id kind name organisation role deleted"),
    ("attachment", "owner_id name size sha256 added_by added_on deleted"),
    ("piste", "number title description proposed_by_partner_id proposed_by_service "
              "proposed_by_person atelier_meeting_id finalites chantier_id status status_reason "
              "action_id decision_entry_id agenda_meeting_id deleted"),
    ("piste_score", "piste_id evaluator_person_id partner_id plus_value faisabilite comment "
                    "deleted"),
    ("newsletter", "number title period_start period_end editorial items published_on "
                   "published_by_id deleted"),
    ("replica", "person_id partner_id label created_at public_key revoked_after deleted"),
]
FIELD_PAIRS = [(entity, field) for entity, fields in FIELD_TABLE for field in fields.split()]
assert len(FIELD_PAIRS) == 197  # the doc numbers them 0 to 196
assert FIELD_PAIRS[23] == ("action", "status") and FIELD_PAIRS[29] == ("action", "progress")


class Refusal(Exception):
    """The file is refused; the message is printed on stderr."""


# ---------------------------------------------------------------- encodings
def b64(raw):
    """Standard base64 with '=' padding (chains, signatures, output)."""
    return base64.b64encode(raw).decode("ascii")


def b64url_decode(text):
    """base64url, padding optional (key ids, public keys, format-3 salt)."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def js_stringify(value):
    """JavaScript JSON.stringify: no spaces, non-ASCII characters as is
    (lone surrogates escaped as \\udXXX, like well-formed JSON.stringify)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[\ud800-\udfff]", lambda m: "\\u%04x" % ord(m.group()), text)


# ---------------------------------------------------------------- keys
def project_key(passphrase, project):
    """scrypt(NFC passphrase, SHA-256("entente-projet:" + project), 32, N=2^17, r=8, p=1)."""
    salt = hashlib.sha256(("entente-projet:" + project).encode("utf-8")).digest()
    return hashlib.scrypt(unicodedata.normalize("NFC", passphrase).encode("utf-8"),
                          salt=salt, n=1 << 17, r=8, p=1, dklen=32,
                          maxmem=256 * 1024 * 1024 + (1 << 20))


def key_id(pkey):
    """First 6 bytes of HMAC-SHA256(project key, label), base64url: 8 characters."""
    mac = hmac.new(pkey, "entente : identifiant de clé".encode("utf-8"), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()[:6]).decode("ascii")


def file_key(pkey, salt, fmt):
    """HKDF-SHA256(ikm = project key, salt = z, info = label, 32 bytes)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=FILE_KEY_INFO[fmt].encode("utf-8")).derive(pkey)


def document_key(pkey, digest):
    """HKDF-SHA256(ikm = project key, salt = raw SHA-256 of the document, info = label).

    The document does not give the output length nor the salt's form: 32 bytes
    (AES-256) and the 32 raw digest bytes, not its hex text, are what open files."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=digest,
                info=DOC_KEY_INFO.encode("utf-8")).derive(pkey)


# ---------------------------------------------------------------- chain
def chain_start(origin):
    return b64(hashlib.sha256(("entente-chaîne\0" + origin).encode("utf-8")).digest())


def next_chain(previous, ch):
    """SHA-256(previous chain as base64 text + JSON.stringify([...])), base64."""
    item = [ch["seq"], ch["hlc"], ch["entity"], ch["row_id"], ch["field"], ch["value"],
            ch["supersedes"]]
    return b64(hashlib.sha256((previous + js_stringify(item)).encode("utf-8")).digest())


def head_statement(project, origin, seq, chain):
    return "\0".join(["entente : tête de chaîne", project, origin, str(seq), chain]).encode("utf-8")


def project_digest(project):
    """First 4 bytes of SHA-256("entente : projet" \0 id): how format 7 names the project
    when the file is not full."""
    return hashlib.sha256(("entente : projet\0" + project).encode("utf-8")).digest()[:4]


# ---------------------------------------------------------------- header
class Cursor:
    """Reads fixed-size big-endian unsigned integers and 1-byte-length strings (format 4),
    or LEB128 varints and varint-length strings (formats 5 to 7).  `part` names what is read,
    for the refusal messages."""

    def __init__(self, data, part="en-tête"):
        self.data, self.pos, self.part = data, 0, part

    def at_end(self):
        return self.pos == len(self.data)

    def take(self, size):
        if self.pos + size > len(self.data):
            raise Refusal("%s tronqué" % self.part)
        out = self.data[self.pos:self.pos + size]
        self.pos += size
        return out

    def uint(self, size):  # unsigned, big-endian
        return int.from_bytes(self.take(size), "big")

    def decode(self, raw):
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal("%s illisible" % self.part)

    def text(self):  # format 4: 1-byte length, then UTF-8
        return self.decode(self.take(self.uint(1)))

    def varint(self):
        """Unsigned LEB128: 7 bits a byte, low bits first, high bit set when more follow."""
        value = 0
        for i in range(MAX_VARINT_BYTES):
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << (7 * i)
            if not byte & 0x80:
                if value > MAX_SAFE_INTEGER:
                    raise Refusal("fichier abîmé (entier hors limites)")
                return value
        raise Refusal("fichier abîmé (entier de plus de %d octets)" % MAX_VARINT_BYTES)

    def signed(self):
        """Zigzag: 0, 1, 2, 3... stand for 0, -1, 1, -2..."""
        return unzigzag(self.varint())

    def vtext(self):  # formats 5 to 7: varint length, then UTF-8
        return self.decode(self.take(self.varint()))

    def many(self, read):
        """A varint count, then that many items read by `read`."""
        return [read() for _ in range(self.varint())]


def unzigzag(z):
    return z >> 1 if z % 2 == 0 else -((z + 1) >> 1)


def parse_header_v5(raw, fmt=5):
    """Flags, t, n, b, c (varints), z (16 bytes), p, s, k, a (texts), then j, q if flag 2.
    Format 6 adds flag 4: the sender's held vector is an update of its previous file."""
    cur = Cursor(raw)
    flags = cur.varint()
    if flags & ~(0x03 if fmt == 5 else 0x07):
        raise Refusal("en-tête incohérent (drapeaux inconnus)")
    hdr = {"flags": flags, "full": bool(flags & 1), "held_update": bool(flags & 4),
           "t": cur.varint(), "n": cur.varint(),
           "b": cur.varint(), "c": cur.varint(), "z": cur.take(16), "p": cur.vtext(),
           "s": cur.vtext(), "k": cur.vtext(), "a": cur.vtext()}
    return with_documents(cur, flags, hdr)


def with_documents(cur, flags, hdr):
    """Formats 6 and 7 end alike: j, q (varints) if flag 2, and nothing after."""
    if flags & 2:
        hdr["j"], hdr["q"] = cur.varint(), cur.varint()
    if not cur.at_end():  # the header must be read to its last byte
        raise Refusal("en-tête incohérent (octets en trop)")
    return hdr


def parse_header_v7(raw):
    """Flags, t (seconds), n, b, c (varints), z (16 bytes), then p (a text with flag 1,
    else its 4-byte digest), s (8 bytes, or a text with flag 16), k (6 raw bytes),
    a (a text with flag 8, else 0.11.0), then j, q if flag 2."""
    cur = Cursor(raw)
    flags = cur.varint()
    if flags > 31:
        raise Refusal("en-tête incohérent (drapeaux inconnus)")
    hdr = {"flags": flags, "full": bool(flags & 1), "held_update": bool(flags & 4),
           "t": cur.varint() * 1000,  # seconds; kept in ms like the other formats
           "n": cur.varint(), "b": cur.varint(), "c": cur.varint(), "z": cur.take(16)}
    if flags & 1:  # a full file names its project: whoever joins learns it there
        hdr["p"] = cur.vtext()
    else:
        hdr["p"], hdr["digest"] = None, cur.take(4)
    hdr["s"] = cur.vtext() if flags & 16 else sender_id(cur.take(8))
    hdr["k"] = base64.urlsafe_b64encode(cur.take(6)).decode("ascii")  # 8 characters
    hdr["a"] = cur.vtext() if flags & 8 else FORMAT_7_APP
    return with_documents(cur, flags, hdr)


def sender_id(raw):
    """8 big-endian bytes, a base-34 number: back to the 12 characters of the id."""
    value, digits = int.from_bytes(raw, "big"), []
    if value >= len(SENDER_ALPHABET) ** SENDER_DIGITS:
        raise Refusal("en-tête incohérent (poste auteur)")
    for _ in range(SENDER_DIGITS):
        value, digit = divmod(value, len(SENDER_ALPHABET))
        digits.append(SENDER_ALPHABET[digit])
    return "".join(reversed(digits))


def parse_header_v4(raw):
    cur = Cursor(raw)
    flags = cur.uint(1)
    if flags & ~0x03:
        raise Refusal("en-tête incohérent (drapeaux inconnus)")
    hdr = {"flags": flags, "full": bool(flags & 1), "t": cur.uint(6), "n": cur.uint(4),
           "b": cur.uint(4), "c": cur.uint(2), "z": cur.take(16), "p": cur.text(),
           "s": cur.text(), "k": cur.text(), "a": cur.text()}
    if flags & 2:
        hdr["j"], hdr["q"] = cur.uint(4), cur.uint(4)
    if cur.pos != len(raw):
        raise Refusal("en-tête incohérent (octets en trop)")
    return hdr


def parse_header_v3(raw):
    try:
        js = json.loads(raw.decode("utf-8"))
        hdr = {"full": bool(js.get("f")), "t": int(js["t"]), "n": int(js["n"]),
               "b": int(js["b"]), "c": int(js["c"]), "z": b64url_decode(js["z"]),
               "p": js["p"], "s": js["s"], "k": js["k"], "a": js["a"]}
    except (ValueError, KeyError, TypeError):
        raise Refusal("en-tête illisible")
    hdr["flags"] = int(hdr["full"]) | (2 if "j" in js else 0)  # synthesised for output
    if "j" in js:  # documents follow the changes, as in format 4 (assumed)
        hdr["j"], hdr["q"] = int(js["j"]), int(js["q"])
    return hdr


# ---------------------------------------------------------------- content
def bounded_brotli(data, limit):
    """Decompress, stopping as soon as the output exceeds `limit` bytes."""
    dec, out = brotli.Decompressor(), bytearray()
    try:
        for pos in range(0, len(data), 1024):
            out += dec.process(data[pos:pos + 1024])
            if len(out) > limit:
                break
    except brotli.error:
        raise Refusal("contenu compressé invalide")
    if len(out) != limit or not dec.is_finished():
        raise Refusal("taille du contenu inattendue")
    return bytes(out)


def split_documents(rest, count):
    """Documents after the changes: SHA-256 (32), length (u32 BE), bytes."""
    cur, docs = Cursor(rest), []
    try:
        for _ in range(count):
            digest = cur.take(32)
            body = cur.take(cur.uint(4))
            docs.append({"sha256": digest.hex(), "length": len(body),
                         "sha256_ok": hashlib.sha256(body).digest() == digest})
    except Refusal:
        raise Refusal("documents joints tronqués")
    if cur.pos != len(rest):
        raise Refusal("octets en trop après les documents")
    return docs


# Proof flags of a run (formats 5 to 7): how `before` and `signature` travel.
BEFORE_BYTES, BEFORE_TEXT, SIGNATURE_BYTES, SIGNATURE_TEXT = 1, 2, 4, 8


def decode_body_v5(body, n, fmt=5, sender=None):
    """BodyV5 to V7 (docs/sync.md, « Le corps »): ten parts, read in order, each to its end.
    From format 6 the sender (header s) is origin 0 and is not written in part 1; format 7
    splits column 5 in three and groups column 6 by field pair."""
    cur = Cursor(body, "contenu")
    origins = ([sender] if sender is not None else []) + cur.many(cur.vtext)  # 1
    held_count = cur.varint()                                     # 2
    if held_count > len(origins):
        raise Refusal("contenu illisible (plus de seq détenus que d'origines)")
    held = {origins[i]: cur.varint() for i in range(held_count)}
    held = {k: v for k, v in held.items() if v}                   # 0: nothing said of it
    based = dict(held)                                            # 3: no pair means h(i)
    for _ in range(cur.varint()):
        i, d = cur.varint(), cur.signed()
        based[origins[i]] = (held.get(origins[i], 0) if i < held_count else 0) - d
    based = {k: v for k, v in based.items() if v}                 # 0 means nothing
    pairs = FIELD_PAIRS + cur.many(lambda: (cur.vtext(), cur.vtext()))  # 4: 197 + j
    rows = cur.many(cur.vtext)                                    # 5
    runs = []                                                     # 6
    for _ in range(cur.varint()):
        origin_i, first, count, flags = (cur.varint() for _ in range(4))
        if first < 1 or count < 1:
            raise Refusal("contenu illisible (suite vide ou numérotée à partir de 0)")
        if flags > 15 or flags & 3 == 3 or flags & 12 == 12:
            raise Refusal("contenu illisible (drapeaux de preuve)")
        runs.append({"origin": origins[origin_i], "from": first, "count": count,
                     "flags": flags, "changes": []})
    if sum(run["count"] for run in runs) != n:
        raise Refusal("nombre de modifications inattendu")
    # 7: the columns, each with n elements, one after the other.
    pair_col = [cur.varint() for _ in range(n)]
    row_col = [cur.varint() for _ in range(n)]
    clock_col = [cur.varint() for _ in range(n)]
    counter_col = [cur.varint() for _ in range(n)]
    if fmt >= 7:
        sup_col = superseded_columns(cur, n)
        value_col = grouped_values(cur, pair_col)
    else:  # each change's versions, then each change's value (kind, then data), in file order
        sup_col = [cur.many(lambda: (cur.varint(), cur.signed())) for _ in range(n)]
        value_col = [read_value(cur, cur.varint()) for _ in range(n)]
    clock_texts = cur.many(cur.vtext)                             # 8
    proof_texts = cur.many(cur.vtext)                             # 9
    col, prev_ms, used_clocks = 0, 0, 0
    for run in runs:
        for k in range(run["count"]):
            x, counter = clock_col[col], counter_col[col]
            if x == 1:                       # a clock of another shape, as text
                if used_clocks == len(clock_texts):
                    raise Refusal("contenu illisible (horloges en texte)")
                hlc, used_clocks = clock_texts[used_clocks], used_clocks + 1
            elif x % 2:
                raise Refusal("contenu illisible (horloge)")
            else:                            # x / 2 is the zigzag of the difference
                prev_ms += unzigzag(x // 2)
                if not 0 <= prev_ms <= MAX_MS or counter > 9999:
                    raise Refusal("contenu illisible (horloge)")
                hlc = "%013d-%04d" % (prev_ms, counter)
            seq = run["from"] + k
            entity, field = pairs[pair_col[col]]
            sup = [[origins[i], seq - d] for i, d in sup_col[col]]
            if any(version < 1 for _, version in sup):
                raise Refusal("contenu illisible (version remplacée de numéro inférieur à 1)")
            run["changes"].append({"origin": run["origin"], "seq": seq, "hlc": hlc,
                                   "entity": entity, "field": field,
                                   "row_id": rows[row_col[col]], "value": value_col[col],
                                   "supersedes": sup})
            col += 1
    # Proofs: texts (part 9), then bytes (part 10); both in run order, `before` first.
    texts = iter(proof_texts)
    for run in runs:
        run["before"] = run["signature"] = None
        for flag, name in ((BEFORE_TEXT, "before"), (SIGNATURE_TEXT, "signature")):
            if run["flags"] & flag:
                run[name] = next(texts, None)
                if run[name] is None:
                    raise Refusal("contenu illisible (preuves en texte)")
    for run in runs:
        flags = run.pop("flags")
        if flags & BEFORE_BYTES:
            run["before"] = b64(cur.take(32))
        if flags & SIGNATURE_BYTES:
            run["signature"] = b64(cur.take(64))
    if used_clocks != len(clock_texts) or next(texts, None) is not None:
        raise Refusal("contenu illisible (horloge ou preuve en texte de trop)")
    if not cur.at_end():
        raise Refusal("contenu illisible (octets en trop)")
    return held, based, runs


def superseded_columns(cur, n):
    """Format 7, column 5 in three columns: each change's count m, then the origin
    indices of all their versions, then their signed seq differences, in the same order."""
    counts = [cur.varint() for _ in range(n)]
    total = sum(counts)
    if total > len(cur.data) - cur.pos:  # each version takes bytes: refuse before reading
        raise Refusal("contenu illisible (plus de versions remplacées que d'octets)")
    indices = [cur.varint() for _ in range(total)]
    deltas = [cur.signed() for _ in range(total)]
    out, at = [], 0
    for m in counts:
        out.append(list(zip(indices[at:at + m], deltas[at:at + m])))
        at += m
    return out


def grouped_values(cur, pair_col):
    """Format 7, column 6: the values grouped by field-pair number, smallest first, in
    file order within a pair (a stable sort); every kind first, then each one's data."""
    order = sorted(range(len(pair_col)), key=pair_col.__getitem__)
    kinds = [cur.varint() for _ in order]
    values = [None] * len(pair_col)
    for col, kind in zip(order, kinds):
        values[col] = read_value(cur, kind)
    return values


def read_value(cur, kind):
    """A change's value, the JSON text rebuilt byte for byte from its kind and data."""
    if kind <= 2:
        return ("null", "false", "true")[kind]
    if kind == 3:                    # a string x: JSON.stringify(x)
        return js_stringify(cur.vtext())
    if kind == 4:                    # an integer, in decimal
        return str(cur.signed())
    if kind == 5:                    # any other JSON text, as is
        return cur.vtext()
    raise Refusal("contenu illisible (sorte de valeur %d)" % kind)


def decode_body_v4(body, n):
    """BodyV4: u32 length J, J bytes of JSON (columns), then the proof bytes."""
    if len(body) < 4:
        raise Refusal("contenu illisible")
    size = int.from_bytes(body[:4], "big")
    js = json.loads(body[4:4 + size].decode("utf-8"))
    proofs = Cursor(body[4 + size:])
    o, h = js["o"], js["h"]
    for col in "fwvtu":
        if len(js[col]) != n:
            raise Refusal("nombre de modifications inattendu (colonne %s)" % col)
    held = {o[i]: h[i] for i in range(len(h))}
    based = dict(held)                        # origins of h absent from b: h[i]
    pairs = js["b"]
    for x in range(0, len(pairs), 2):
        i, d = pairs[x], pairs[x + 1]
        based[o[i]] = (h[i] if i < len(h) else 0) - d
    based = {k: v for k, v in based.items() if v}          # 0 means nothing
    s, sp, prev_ms, col, runs = js["s"], 0, 0, 0, []
    for origin_i, first, count, before, sig in js["r"]:
        run = {"origin": o[origin_i], "from": first, "count": count,
               "before": proof(before, proofs, 32), "signature": proof(sig, proofs, 64),
               "changes": []}
        for k in range(count):
            if col >= n:
                raise Refusal("suites plus longues que n")
            t, u = js["t"][col], js["u"][col]
            if isinstance(t, str):            # clock of another shape, written as is
                hlc = t
            else:
                prev_ms += t
                hlc = "%013d-%04d" % (prev_ms, u)
            sup, cnt = [], s[sp]
            seq = first + k
            for m in range(cnt):
                sup.append([o[s[sp + 1 + 2 * m]], seq - s[sp + 2 + 2 * m]])
            sp += 1 + 2 * cnt
            fi = js["f"][col]
            run["changes"].append({"origin": run["origin"], "seq": seq, "hlc": hlc,
                                   "entity": js["k"][2 * fi], "field": js["k"][2 * fi + 1],
                                   "row_id": js["i"][js["w"][col]], "value": js["v"][col],
                                   "supersedes": sup})
            col += 1
        runs.append(run)
    if col != n or sp != len(s) or proofs.pos != len(proofs.data):
        raise Refusal("comptes inexacts (suites, s ou preuves)")
    return held, based, runs


def proof(value, proofs, size):
    """A proof is null, 1 (its bytes follow the JSON) or text."""
    if value is None or isinstance(value, str):
        return value
    if value == 1:
        try:
            return b64(proofs.take(size))
        except Refusal:
            raise Refusal("preuves tronquées")
    raise Refusal("preuve illisible")


def decode_body_v3(body, n):
    """Format 3: the JSON only, changes as rows, h/b as [origin index, seq]."""
    js = json.loads(body.decode("utf-8"))
    o, rows, pos, runs = js["o"], js["c"], 0, []
    held = {o[i]: seq for i, seq in js["h"]}
    based = {o[i]: seq for i, seq in js["b"] if seq}
    if len(rows) != n:
        raise Refusal("nombre de modifications inattendu")
    for origin_i, first, count, before, sig in js["r"]:
        run = {"origin": o[origin_i], "from": first, "count": count, "before": before,
               "signature": sig, "changes": []}
        for k in range(count):
            hlc, entity, row, field, value, sup = rows[pos]
            run["changes"].append({"origin": o[origin_i], "seq": first + k, "hlc": hlc,
                                   "entity": entity, "row_id": row, "field": field,
                                   "value": value, "supersedes": [[o[i], q] for i, q in sup]})
            pos += 1
        runs.append(run)
    if pos != n:
        raise Refusal("comptes inexacts")
    return held, based, runs


# ---------------------------------------------------------------- proofs
def check_runs(runs, project, known_keys, previous):
    """Compute chains and verify each run's signature (docs/sync.md, step 8)."""
    keys = dict(known_keys)
    for run in runs:                      # step 8.1: keys published in this file
        for ch in run["changes"]:
            if (ch["entity"], ch["field"]) != ("replica", "public_key"):
                continue
            key = json.loads(ch["value"])
            if ch["origin"] != ch["row_id"] or not isinstance(key, str):
                raise Refusal("le poste %s tente de publier une clé d'un autre" % ch["origin"])
            if keys.get(ch["row_id"], key) != key:
                raise Refusal("le poste %s tente de remplacer la clé publique" % ch["row_id"])
            keys[ch["row_id"]] = key
    held = {o: dict(v) for o, v in previous.items()}   # origin -> {seq: chain}
    for run in runs:
        origin, first = run["origin"], run["from"]
        if origin == "seed":              # step 8.2: no proof for seed
            for ch in run["changes"]:
                ch["chain"] = None
            run["signature_valid"] = None
            continue
        mine = held.setdefault(origin, {})
        h = chain_start(origin) if first == 1 else mine.get(first - 1)
        if run["before"] is not None and h is not None and run["before"] != h:
            raise Refusal("le poste %s a deux historiques à partir de %d" % (origin, first))
        chain = run["before"] if run["before"] is not None else h
        for ch in run["changes"]:
            chain = next_chain(chain, ch) if chain is not None else None
            ch["chain"] = chain
            if chain is not None:
                mine[ch["seq"]] = chain
        run["signature_valid"] = verify(run, project, keys.get(origin), chain)


def verify(run, project, key, chain):
    if run["signature"] is None or key is None or chain is None:
        return None
    try:
        pub = Ed25519PublicKey.from_public_bytes(b64url_decode(key))
        last = run["from"] + run["count"] - 1
        pub.verify(base64.b64decode(run["signature"], validate=True),
                   head_statement(project, run["origin"], last, chain))
        return True
    except (InvalidSignature, ValueError):
        return False


# ---------------------------------------------------------------- file
def header_length(data, fmt):
    """The header's length L and the offset E where the header starts: a u32 at bytes
    14 to 17 up to format 6, a varint of 1 to 3 bytes from byte 14 in format 7."""
    if fmt <= 6:
        if len(data) < 18:
            raise Refusal("en-tête tronqué")
        return struct.unpack(">I", data[14:18])[0], 18
    size = 0
    for i in range(MAX_LENGTH_BYTES):
        if len(data) <= 14 + i:
            raise Refusal("en-tête tronqué")
        size |= (data[14 + i] & 0x7F) << (7 * i)
        if not data[14 + i] & 0x80:
            return size, 15 + i
    raise Refusal("en-tête illisible (longueur sur plus de %d octets)" % MAX_LENGTH_BYTES)


def read_file(data, passphrase, project, known_keys, previous):
    if not data:
        raise Refusal("fichier vide")
    if len(data) < 14 or data[:12] != MAGIC:
        raise Refusal("pas un fichier d'échange Entente")
    fmt = struct.unpack(">H", data[12:14])[0]
    if fmt == 0:
        raise Refusal("fichier abîmé (version de format nulle)")
    if fmt > 7:
        raise Refusal("format %d : installez une version plus récente d'Entente" % fmt)
    if fmt < 3:
        raise Refusal("format %d : non pris en charge par ce lecteur" % fmt)
    size, start = header_length(data, fmt)
    if size > MAX_HEADER or len(data) < start + size + 16:
        raise Refusal("en-tête tronqué")
    raw = data[start:start + size]
    hdr = (parse_header_v7(raw) if fmt == 7 else parse_header_v5(raw, fmt) if fmt >= 5
           else {4: parse_header_v4, 3: parse_header_v3}[fmt](raw))
    # Step 2.  Formats 3 to 6, and a full format-7 file, name the project; any other
    # format-7 file gives only its digest.
    if hdr["p"] is not None:
        if hdr["p"] != project:
            raise Refusal("fichier d'un autre projet (%s)" % hdr["p"])
        hdr["digest"] = project_digest(project)
    elif hdr["digest"] != project_digest(project):
        raise Refusal("fichier d'un autre projet (empreinte %s)" % hdr["digest"].hex())
    if hdr["c"] > OWN_SCHEMA:
        raise Refusal("schéma %d : installez Entente %s" % (hdr["c"], hdr["a"]))
    if hdr["b"] > MAX_PLAIN:
        raise Refusal("taille annoncée hors limites")
    pkey = project_key(passphrase, project)                   # step 3
    if key_id(pkey) != hdr["k"]:
        raise Refusal("clé inconnue (%s) : autre phrase de passe, ou phrase de passe "
                      "changée sur un autre poste, saisissez la nouvelle" % hdr["k"])
    try:                                                      # step 4
        plain = AESGCM(file_key(pkey, hdr["z"], fmt)).decrypt(  # AAD: prefix and header
            b"\0" * 12, data[start + size:], data[:start + size])
    except InvalidTag:
        raise Refusal("fichier modifié ou tronqué")
    docs = []
    if "q" in hdr:                                            # documents follow
        docs = split_documents(plain[hdr["q"]:], hdr["j"])
        plain = plain[:hdr["q"]]
    body = bounded_brotli(plain, hdr["b"])                    # step 5
    try:                                                      # step 6
        if fmt >= 6:  # the sender is origin 0, not written among the origins
            held, based, runs = decode_body_v5(body, hdr["n"], fmt, hdr["s"])
        else:
            decode = {5: decode_body_v5, 4: decode_body_v4, 3: decode_body_v3}[fmt]
            held, based, runs = decode(body, hdr["n"])
    except (ValueError, KeyError, IndexError, TypeError):
        raise Refusal("contenu illisible")
    check_runs(runs, project, known_keys, previous)          # step 8
    header = {
        "format": fmt, "flags": hdr["flags"], "full": hdr["full"],
        "held_update": hdr.get("held_update", False),
        "created_at": datetime.datetime.fromtimestamp(hdr["t"] / 1000, datetime.timezone.utc)
        .isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "count": hdr["n"], "plain_bytes": hdr["b"], "schema": hdr["c"],
        "salt": b64(hdr["z"]), "project": hdr["p"], "project_digest": hdr["digest"].hex(),
        "sender": hdr["s"],
        "key_id": hdr["k"], "min_app_version": hdr["a"]}
    if "j" in hdr:
        header["documents"], header["changes_compressed_length"] = hdr["j"], hdr["q"]
    return {"header": header, "sender_held": held, "based_on": based,
            "runs": [{k: r[k] for k in ("origin", "from", "count", "before", "signature",
                                        "changes", "signature_valid")} for r in runs],
            "documents": docs}


# ---------------------------------------------------------------- shared-folder document
def read_document(data, name, passphrase, project):
    """A shared folder's <sha256>.entente-doc (docs/sync.md, « Les documents joints »):
    "ENTENTE-DOC1" (12), key id (8 ASCII characters, no length byte), ciphertext,
    GCM tag (16).  Nonce: 12 zero bytes; AAD: the first 20 bytes (magic and key id)."""
    if data[:11] != DOC_MAGIC[:11]:
        raise Refusal("pas un document Entente")
    if data[:12] != DOC_MAGIC:
        raise Refusal("document d'un format plus récent : installez une version plus "
                      "récente d'Entente")
    if len(data) < 20 + 16:
        raise Refusal("document tronqué")
    match = re.match(r"[0-9a-fA-F]{64}", name)
    if not match:
        raise Refusal("le nom du document ne commence pas par son SHA-256, qui sert à "
                      "l'ouvrir")
    named = bytes.fromhex(match.group())
    try:
        kid = data[12:20].decode("ascii")
    except UnicodeDecodeError:
        raise Refusal("identifiant de clé illisible")
    pkey = project_key(passphrase, project)
    if key_id(pkey) != kid:
        raise Refusal("clé inconnue (%s) : autre phrase de passe ou autre projet, ou "
                      "phrase de passe changée sur un autre poste, saisissez la nouvelle" % kid)
    try:  # a renamed file fails here too: the name gives the key
        plain = AESGCM(document_key(pkey, named)).decrypt(b"\0" * 12, data[20:], data[:20])
    except InvalidTag:
        raise Refusal("document modifié ou tronqué (ou renommé)")
    digest = hashlib.sha256(plain).digest()
    if digest != named:
        raise Refusal("le SHA-256 du document n'est pas celui de son nom")
    return {"kind": "document", "key_id": kid, "sha256": digest.hex(),
            "name_matches": digest == named, "length": len(plain), "base64": b64(plain)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--passphrase", required=True)
    ap.add_argument("--project", required=True)
    ap.add_argument("--keys", help="JSON object origin -> public key (base64url)")
    ap.add_argument("--previous-chains", help="JSON object origin -> {seq: chain}")
    args = ap.parse_args()
    try:
        keys = previous = {}
        if args.keys:
            keys = json.loads(open(args.keys, encoding="utf-8").read())
        if args.previous_chains:
            previous = {o: {int(s): c for s, c in v.items()} for o, v in
                        json.loads(open(args.previous_chains, encoding="utf-8").read()).items()}
        data = open(args.file, "rb").read()
        if data[:11] == DOC_MAGIC[:11]:           # chosen by magic bytes, not by name
            out = read_document(data, os.path.basename(args.file), args.passphrase,
                                args.project)
        else:
            out = read_file(data, args.passphrase, args.project, keys, previous)
    except (Refusal, OSError, ValueError) as err:
        print("refusé : %s" % err, file=sys.stderr)
        sys.exit(1)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
