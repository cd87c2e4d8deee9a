/**
 * The kinds of given statements, for the tracker's "from decisions" filter: read by primary key, only for
 * the statements follow-ups came from and only while that filter is on (never a scan of the statements).
 */
import type { StatementKind } from '../core/model';
import type { AttacheDb } from './db';

export async function statementKinds(db: AttacheDb, ids: readonly string[]): Promise<Map<string, StatementKind>> {
  const rows = await db.statements.bulkGet([...ids]);
  const out = new Map<string, StatementKind>();
  for (const s of rows) if (s && s.deleted === 0) out.set(s.id, s.kind);
  return out;
}
