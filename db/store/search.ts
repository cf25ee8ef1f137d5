// The full-text index of actions (title, description, notes) and the sort key of their
// titles, derived like every table: refreshed at the end of each transaction for the
// actions whose text may have changed.
import type Database from 'better-sqlite3';
import { sortKey } from './collation';

/**
 * Full-text search over an action's title, description and notes (rowid = action.rid). It
 * keeps no copy of the text, which its tables hold: a row is deleted by its rowid alone.
 */
export const SEARCH_TABLE = `CREATE VIRTUAL TABLE action_search USING fts5 (
  body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`;

/**
 * The words the index holds, in order, one row per action (id, words), in `schema`: what
 * `entente check` compares, the index having no text to read back. Creates the view it reads.
 */
export function indexedWords(db: Database.Database, schema: string): string {
  const words = `action_search_words_${schema}`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${words} USING fts5vocab(${schema}, action_search, instance)`);
  return `SELECT a.id, group_concat(w.term, ' ' ORDER BY w.offset) AS words FROM temp.${words} w JOIN ${schema}.action a ON a.rid = w.doc GROUP BY a.id`;
}

export class SearchIndex {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      action: db.prepare('SELECT rid, title, description, deleted FROM action WHERE id = ?'),
      notes: db.prepare('SELECT text FROM note WHERE action_id = ? AND deleted = 0 ORDER BY date, id').pluck(),
      // One statement for all the notes of a transaction (an import touches thousands).
      notesActions: db.prepare("SELECT DISTINCT action_id FROM note WHERE id IN (SELECT value FROM json_each(?)) AND action_id <> ''").pluck(),
      remove: db.prepare('DELETE FROM action_search WHERE rowid = ?'),
      insert: db.prepare('INSERT INTO action_search (rowid, body) VALUES (?, ?)'),
      setTitleKey: db.prepare('UPDATE action SET title_key = ? WHERE rid = ?'),
    };
  }

  /**
   * Re-indexes the actions whose indexed text changed in this transaction (`touched` as
   * ChangeLog.touched); a change of statut or avancement leaves the index alone.
   */
  refresh(touched: Map<string, Set<string>>): void {
    // Each row once, though several of its fields changed (a note arrives as four changes).
    const rows = (fields: string[]) => new Set(fields.flatMap((field) => [...(touched.get(field) ?? [])]));
    const titled = rows(['action.title']);
    const actions = rows(['action.title', 'action.description', 'action.deleted']);
    const notes = rows(['note.text', 'note.date', 'note.action_id', 'note.deleted']);
    if (notes.size > 0) for (const actionId of this.statements.notesActions.all(JSON.stringify([...notes])) as string[]) actions.add(actionId);
    for (const actionId of actions) this.refreshAction(actionId, titled.has(actionId));
  }

  /** Its body indexed again; its title's sort key written again only if the title changed (a note leaves it as it was). */
  private refreshAction(actionId: string, titled: boolean): void {
    const row = this.statements.action.get(actionId) as { rid: number; title: string | null; description: string | null; deleted: number } | undefined;
    if (!row) return;
    if (titled) this.statements.setTitleKey.run(row.title === null ? null : sortKey(row.title), row.rid);
    this.statements.remove.run(row.rid);
    if (row.deleted) return;
    const notes = this.statements.notes.all(actionId) as string[];
    this.statements.insert.run(row.rid, [row.title, row.description, ...notes].filter(Boolean).join('\n'));
  }
}

/** Turns what a user typed into an FTS5 query: every word must match, as a prefix. */
export function toMatchQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
