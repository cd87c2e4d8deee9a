/**
 * Where the user is, kept in the URL hash so that a reload (or a crash and restart) returns to the same
 * briefing. Routes are `#/screen` or `#/screen/id`, with an optional `?focus=id` to scroll to a record and,
 * for a briefing, `mode=read|edit|meeting` (absent: the briefing chooses, see BriefingScreen).
 */
export const SCREENS = ['today', 'briefings', 'briefing', 'followups', 'people', 'search', 'exchange', 'packs', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export const BRIEFING_MODES = ['read', 'edit', 'meeting'] as const;
export type BriefingMode = (typeof BRIEFING_MODES)[number];

export interface Route {
  screen: Screen;
  id?: string;
  focus?: string;
  mode?: BriefingMode;
}

/** What every screen is given: the route's id and focus; each screen uses those it needs. */
export type ScreenProps = Pick<Route, 'id' | 'focus' | 'mode'>;

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, id] = path.split('/');
  const params = new URLSearchParams(query);
  const focus = params.get('focus') ?? undefined;
  const mode = params.get('mode');
  // No screen (the app's start) or an unknown one: Today, the start screen.
  if (!screen || !(SCREENS as readonly string[]).includes(screen)) return { screen: 'today' };
  return { screen: screen as Screen, id: id || undefined, focus, ...((BRIEFING_MODES as readonly (string | null)[]).includes(mode) ? { mode: mode as BriefingMode } : {}) };
}

export function href(route: Route): string {
  let h = `#/${route.screen}`;
  if (route.id) h += `/${route.id}`;
  const query = [route.focus ? `focus=${encodeURIComponent(route.focus)}` : '', route.mode ? `mode=${route.mode}` : ''].filter(Boolean).join('&');
  return query ? `${h}?${query}` : h;
}

class Router {
  route = $state<Route>(parse(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.route = parse(location.hash);
      });
    }
  }

  go(route: Route): void {
    const target = href(route);
    if (location.hash === target) this.route = parse(target);
    else location.hash = target;
  }
}

export const router = new Router();
