/**
 * The tracker's filter, kept in sessionStorage so that a reload (or a trip to a briefing and back)
 * keeps it; a stored value is read defensively, so a stale one can never break the screen.
 */
import { DEFAULT_TRACKER_FILTER, parseTrackerFilter, type TrackerFilter } from '../../core/tracker';

const KEY = 'attache.tracker.filter';

function read(): TrackerFilter {
  try {
    const raw = sessionStorage.getItem(KEY);
    return parseTrackerFilter(raw ? JSON.parse(raw) : null);
  } catch {
    return parseTrackerFilter(null);
  }
}

export function trackerFilterState(): { value: TrackerFilter; reset: () => void } {
  const value = $state<TrackerFilter>(read());
  $effect(() => {
    const json = JSON.stringify(value);
    try {
      sessionStorage.setItem(KEY, json);
    } catch {
      /* unavailable storage only costs the reload memory */
    }
  });
  return {
    value,
    reset() {
      Object.assign(value, { ...DEFAULT_TRACKER_FILTER, statuses: [...DEFAULT_TRACKER_FILTER.statuses], owner: undefined, briefingId: undefined, tag: undefined, mine: undefined, fromDecisions: undefined });
    },
  };
}
