/**
 * Where the user is, kept in the URL hash so that a reload (or a crash and restart) returns to the same
 * briefing. Routes are `#/screen` or `#/screen/id`, with an optional `?focus=id` to scroll to a record.
 */
export const SCREENS = ['briefings', 'briefing', 'followups', 'people', 'search', 'exchange', 'packs', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  id?: string;
  focus?: string;
}

/** What every screen is given: the route's id and focus; each screen uses those it needs. */
export type ScreenProps = Pick<Route, 'id' | 'focus'>;

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, id] = path.split('/');
  const focus = new URLSearchParams(query).get('focus') ?? undefined;
  if (!screen || !(SCREENS as readonly string[]).includes(screen)) return { screen: 'briefings' };
  return { screen: screen as Screen, id: id || undefined, focus };
}

export function href(route: Route): string {
  let h = `#/${route.screen}`;
  if (route.id) h += `/${route.id}`;
  if (route.focus) h += `?focus=${encodeURIComponent(route.focus)}`;
  return h;
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
