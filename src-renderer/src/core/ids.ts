import { v7 as uuidv7, validate, version } from 'uuid';

/**
 * Record ids are UUIDv7 strings made by the app, never by the database: they must stay the same when a
 * record travels to a colleague and back, and v7 sorts by creation time, which keeps IndexedDB inserts local.
 */
export function newId(): string {
  return uuidv7();
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && validate(value) && version(value) === 7;
}
