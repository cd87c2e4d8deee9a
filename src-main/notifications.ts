/**
 * OS notifications: the renderer decides what is worth a reminder (core/reminders.ts) and sends its words;
 * the main process only shows them, offline, through the system's own notification centre. A click brings
 * the window forward on the follow-ups tracker.
 */
import { Notification } from 'electron';
import type { MenuCommand } from './channels';
import { InvalidArgument } from './validate';

const MAX_TITLE = 200;
const MAX_BODY = 1000;

export function parseNotifyArgs(value: unknown): { title: string; body: string } {
  if (typeof value !== 'object' || value === null) throw new InvalidArgument('a notification must be an object');
  const { title, body } = value as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE) throw new InvalidArgument('a notification needs a short title');
  if (typeof body !== 'string' || body.length > MAX_BODY) throw new InvalidArgument('a notification body must be short text');
  return { title, body };
}

/** Shows one notification; resolves to false where the system offers none (some Linux desktops). */
export function showNotification(raw: unknown, onClick: (command: MenuCommand) => void): boolean {
  const { title, body } = parseNotifyArgs(raw);
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title, body, silent: false });
  notification.on('click', () => onClick('show-followups'));
  notification.show();
  return true;
}
