/**
 * The classification of what is on screen: set by a screen that shows a classified record (a briefing),
 * cleared when it goes. The app's frame shows it at the top and bottom of the screen, and every dialog
 * shows it at its own top and bottom (a modal sits above the frame's banners and hides them).
 */
export interface ScreenMark {
  /** The words the PDF prints: the level's name and the caveat (core/classification.ts bannerText). */
  text: string;
  background: string;
  colour: string;
}

class ScreenMarkState {
  current = $state<ScreenMark | null>(null);
  #owner: object | null = null;

  /** Show `mark` for `owner` (null: nothing to mark, e.g. the lowest level). */
  set(owner: object, mark: ScreenMark | null): void {
    this.#owner = owner;
    this.current = mark;
  }

  /** Clear the mark if `owner` still holds it (a screen leaving after the next one arrived changes nothing). */
  release(owner: object): void {
    if (this.#owner !== owner) return;
    this.#owner = null;
    this.current = null;
  }
}

export const screenMark = new ScreenMarkState();
