// Bytes for the header and body of formats 5 to 7 (docs/sync.md, « Le corps ») : unsigned integers as LEB128
// varints (7 bits a byte), signed ones zigzagged first, texts as their UTF-8 length then
// bytes. Plain arithmetic rather than bit operators: clocks exceed 32 bits.

/** Writes into a buffer that grows by doubling. */
export class ByteWriter {
  private bytes = Buffer.allocUnsafe(1024);
  private at = 0;

  private room(length: number): void {
    if (this.at + length <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + length));
    this.bytes.copy(larger, 0, 0, this.at);
    this.bytes = larger;
  }

  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`entier invalide : ${value}`);
    this.room(8);
    while (value >= 0x80) {
      this.bytes[this.at++] = (value % 0x80) + 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.at++] = value;
  }

  int(value: number): void {
    this.uint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  text(value: string): void {
    const length = Buffer.byteLength(value, 'utf8');
    this.uint(length);
    this.room(length);
    this.at += this.bytes.write(value, this.at, 'utf8');
  }

  raw(value: Buffer): void {
    this.room(value.length);
    this.at += value.copy(this.bytes, this.at);
  }

  done(): Buffer {
    return this.bytes.subarray(0, this.at);
  }
}

/** Reads what ByteWriter wrote; anything out of bounds or malformed throws. */
export class ByteReader {
  private at = 0;

  constructor(private readonly bytes: Buffer) {}

  get ended(): boolean {
    return this.at === this.bytes.length;
  }

  /** How many bytes are left to read. */
  get left(): number {
    return this.bytes.length - this.at;
  }

  /** How many bytes were read. */
  get read(): number {
    return this.at;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('contenu tronqué');
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new Error('entier trop grand');
    }
    if (!Number.isSafeInteger(value)) throw new Error('entier trop grand');
    return value;
  }

  int(): number {
    const value = this.uint();
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  text(): string {
    const length = this.uint();
    if (this.at + length > this.bytes.length) throw new Error('contenu tronqué');
    return this.bytes.toString('utf8', this.at, (this.at += length));
  }

  raw(length: number): Buffer {
    if (this.at + length > this.bytes.length) throw new Error('contenu tronqué');
    return this.bytes.subarray(this.at, (this.at += length));
  }
}
