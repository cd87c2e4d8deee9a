/** Size limits, in characters. Generous for real briefings, small enough that one bad paste cannot bloat a workspace. */
export const LIMITS = {
  title: 300,
  shortText: 500,
  /** A statement is a paragraph or a few; 100 KB is a paste accident, not a statement. */
  statement: 20_000,
  summary: 50_000,
  notes: 20_000,
  tag: 60,
  tags: 30,
  listItems: 50,
  /** A conference can seat hundreds by name. */
  attendees: 500,
} as const;
