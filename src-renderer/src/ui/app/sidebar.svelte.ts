/**
 * The sidebar's two states the user chooses: collapsed to icons at a wide window (a local preference,
 * localStorage), and, at a narrow window where the sidebar hides, whether the Menu button has opened it.
 * The widths at which it turns to icons or hides are CSS (App.svelte), so zooming in counts as narrowing.
 */
const STORAGE_KEY = 'attache.sidebar';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'collapsed';
  } catch {
    return false;
  }
}

class SidebarState {
  collapsed = $state(stored());
  menuOpen = $state(false);

  toggleCollapsed(): void {
    this.collapsed = !this.collapsed;
    try {
      if (this.collapsed) globalThis.localStorage?.setItem(STORAGE_KEY, 'collapsed');
      else globalThis.localStorage?.removeItem(STORAGE_KEY);
    } catch {
      // Not kept: the sidebar simply opens in full next time.
    }
  }

  toggleMenu(): void {
    this.menuOpen = !this.menuOpen;
  }

  closeMenu(): void {
    this.menuOpen = false;
  }
}

export const sidebar = new SidebarState();
