#!/usr/bin/python3
"""Independent reader for Entente exchange files (.entente), formats 4 and 3,
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
OWN_SCHEMA = 10               # shared schema this reader understands (doc: 0.8.0 / schema 10)
FILE_KEY_INFO = {4: "entente : clé d'un fichier d'échange, format 4",
                 3: "entente : clé d'un fichier d'échange, format 3"}


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


# ---------------------------------------------------------------- header
class Cursor:
    """Reads big-endian unsigned integers and length-prefixed UTF-8 strings."""

    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, size):
        if self.pos + size > len(self.data):
            raise Refusal("en-tête tronqué")
        out = self.data[self.pos:self.pos + size]
        self.pos += size
        return out

    def uint(self, size):  # unsigned, big-endian
        return int.from_bytes(self.take(size), "big")

    def text(self):
        try:
            return self.take(self.uint(1)).decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal("en-tête illisible")


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
def read_file(data, passphrase, project, known_keys, previous):
    if not data:
        raise Refusal("fichier vide")
    if len(data) < 18 or data[:12] != MAGIC:
        raise Refusal("pas un fichier d'échange Entente")
    fmt, size = struct.unpack(">HI", data[12:18])
    if fmt == 0:
        raise Refusal("fichier abîmé (version de format nulle)")
    if fmt > 4:
        raise Refusal("format %d : installez une version plus récente d'Entente" % fmt)
    if fmt < 3:
        raise Refusal("format %d : non pris en charge par ce lecteur" % fmt)
    if size > MAX_HEADER or len(data) < 18 + size + 16:
        raise Refusal("en-tête tronqué")
    raw = data[18:18 + size]
    hdr = parse_header_v4(raw) if fmt == 4 else parse_header_v3(raw)
    if hdr["p"] != project:                                   # step 2
        raise Refusal("fichier d'un autre projet (%s)" % hdr["p"])
    if hdr["c"] > OWN_SCHEMA:
        raise Refusal("schéma %d : installez Entente %s" % (hdr["c"], hdr["a"]))
    if hdr["b"] > MAX_PLAIN:
        raise Refusal("taille annoncée hors limites")
    pkey = project_key(passphrase, project)                   # step 3
    if key_id(pkey) != hdr["k"]:
        raise Refusal("clé inconnue (%s) : autre phrase de passe, ou phrase de passe "
                      "changée sur un autre poste, saisissez la nouvelle" % hdr["k"])
    try:                                                      # step 4
        plain = AESGCM(file_key(pkey, hdr["z"], fmt)).decrypt(
            b"\0" * 12, data[18 + size:], data[:18 + size])
    except InvalidTag:
        raise Refusal("fichier modifié ou tronqué")
    docs = []
    if "q" in hdr:                                            # documents follow
        docs = split_documents(plain[hdr["q"]:], hdr["j"])
        plain = plain[:hdr["q"]]
    body = bounded_brotli(plain, hdr["b"])                    # step 5
    try:                                                      # step 6
        decode = decode_body_v4 if fmt == 4 else decode_body_v3
        held, based, runs = decode(body, hdr["n"])
    except (ValueError, KeyError, IndexError, TypeError):
        raise Refusal("contenu illisible")
    check_runs(runs, project, known_keys, previous)          # step 8
    header = {
        "format": fmt, "flags": hdr["flags"], "full": hdr["full"],
        "created_at": datetime.datetime.fromtimestamp(hdr["t"] / 1000, datetime.timezone.utc)
        .isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "count": hdr["n"], "plain_bytes": hdr["b"], "schema": hdr["c"],
        "salt": b64(hdr["z"]), "project": hdr["p"], "sender": hdr["s"],
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
