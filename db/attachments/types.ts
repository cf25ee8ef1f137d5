// Documents attached to an action or a meeting, as db/ answers them.
export interface Attachment {
  id: string;
  owner_id: string;
  name: string;
  size: number;
  sha256: string;
  added_by: string | null;
  added_by_name: string | null;
  added_on: string;
  /** Whether its bytes are on this laptop (they may still be on their way). */
  available: boolean;
}

/** A document's bytes, named by their SHA-256 (hex). */
export interface Blob {
  sha256: string;
  bytes: Buffer;
}
