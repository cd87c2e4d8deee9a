import { todayIso } from '../../core/dates';

/**
 * Today's date, which changes at midnight: a window left open overnight (a laptop closed in the evening and
 * opened for the morning meeting) shows the new day's briefings and what is due now, without a reload.
 * Checked each minute and whenever the window comes back into view.
 */
class Day {
  current = $state(todayIso());
  private timer: ReturnType<typeof setInterval> | undefined;
  private users = 0;

  private check = (): void => {
    const now = todayIso();
    if (now !== this.current) this.current = now;
  };

  /** Keep it current while a screen shows it; returns the release. */
  watch(): () => void {
    if (this.users++ === 0) {
      this.check();
      this.timer = setInterval(this.check, 60_000);
      document.addEventListener('visibilitychange', this.check);
      window.addEventListener('focus', this.check);
    }
    return () => {
      if (--this.users > 0) return;
      clearInterval(this.timer);
      document.removeEventListener('visibilitychange', this.check);
      window.removeEventListener('focus', this.check);
    };
  }
}

export const day = new Day();
