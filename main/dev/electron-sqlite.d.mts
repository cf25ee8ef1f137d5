/** Path of better_sqlite3.node built for the installed Electron (built on first call). */
export function electronSqliteBinding(): Promise<string>;
