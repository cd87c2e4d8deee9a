// What Settings → Backups says about the protection in force, and the main process's reasons as the screen
// shows them (without Electron's "Error invoking remote method" wrapper).
import { describe, expect, it } from 'vitest';
import { ipcErrorMessage } from '../../src-renderer/src/platform/electron';
import { bytesText } from '../../src-renderer/src/core/sizes';
import { protectionText } from '../../src-renderer/src/ui/settings/backupText';

describe('protectionText', () => {
  it('says plainly whether backups are encrypted, and why not', () => {
    expect(protectionText({ protection: 'os-keychain', backend: 'keychain' })).toMatchObject({ tone: 'ok', title: 'Backups are encrypted.' });
    expect(protectionText({ protection: 'os-keychain', backend: 'keychain' }).detail).toContain('macOS Keychain');
    const weak = protectionText({ protection: 'weak-keychain', backend: 'basic_text' });
    expect(weak).toMatchObject({ tone: 'warn', title: 'Backups are not encrypted.' });
    expect(weak.detail).toContain('basic_text');
    expect(protectionText({ protection: 'none', backend: 'unknown' })).toMatchObject({ tone: 'warn', title: 'Backups are not encrypted.' });
    // An unknown store's name is shown as it is.
    expect(protectionText({ protection: 'os-keychain', backend: 'some_new_store' }).detail).toContain('some_new_store');
  });

  it('gives sizes in bytes, KB and MB', () => {
    expect(bytesText(512)).toBe('512 bytes');
    expect(bytesText(1536)).toBe('1.5 KB');
    expect(bytesText(48_213)).toBe('47 KB');
    expect(bytesText(1_523_000)).toBe('1.5 MB');
    expect(bytesText(52_428_800)).toBe('50 MB');
  });
});

describe('ipcErrorMessage', () => {
  it("keeps only the main process's sentence", () => {
    expect(ipcErrorMessage("Error invoking remote method 'backup:read': Error: The backup is damaged.")).toBe('The backup is damaged.');
    expect(ipcErrorMessage("Error invoking remote method 'file:save': Error: Refused file:save: bad extension ../sh.")).toBe('Refused file:save: bad extension ../sh.');
    expect(ipcErrorMessage('Something else')).toBe('Something else');
  });
});
