/** Search: tokenising, the query language, the index engine, highlighting (folding is core/text.ts). */
export * from './normalize';
export * from './query';
export * from './documents';
export * from './highlight';
export * from './engine';
