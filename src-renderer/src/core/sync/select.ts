/**
 * Selection for sharing part of a workspace: by tag, by briefing, and under a classification ceiling.
 * A selected briefing brings what it references and what hangs off it (statements, follow-ups, speakers,
 * organisations, the settings), so the colleague receives something whole.
 */

export interface Selection {
  /** Briefings carrying any of these tags (and follow-ups without a briefing that carry one). */
  tags?: string[];
  /** These briefings. With `tags` too, a briefing is selected when it matches either. */
  briefingIds?: string[];
  /** Id of the most restrictive classification level allowed; briefings above it are left out. */
  ceiling?: string;
}
