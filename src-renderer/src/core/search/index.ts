/** Search: folding and tokenising, the query language, the index engine, highlighting. */
export * from './normalize';
export * from './query';
export * from './documents';
export * from './highlight';
export * from './engine';
