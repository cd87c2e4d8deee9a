/**
 * A registry-grade pack from the UI (issue 14): the emblem chosen in Settings (a file that is not an image
 * refused with a reason), the Registry fields of the pack dialog, and numbered copies — one PDF per
 * distribution entry, each page marked "Copy n of N — recipient" — read back with poppler.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, test, type Download } from '@playwright/test';
import { seriousViolations } from './axe';
import { pagesText, run } from './pack-pdf';
import { PacksPage } from './pages/PacksPage';

const EXAMPLE_TITLE = 'International Cooperation on Countering Modern Threats and Challenges';
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A 96 × 96 PNG in one colour, written by hand (zlib data, CRC-32 chunks). */
function png(w: number, h: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([0x99, 0x33, 0x33], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

test('emblem in Settings, Registry fields and numbered copies: one PDF per recipient, marked on every page', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'attache-registry-e2e-'));
  writeFileSync(join(dir, 'emblem.png'), png(96, 96));
  writeFileSync(join(dir, 'emblem.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  // Settings → Emblem on packs: an SVG is refused with the reason, a PNG is kept and previewed.
  await page.goto('./#/settings');
  const section = page.locator('#emblem');
  await expect(section.getByRole('heading', { name: 'Emblem on packs' })).toBeVisible();
  const choose = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: /Choose (an|another) image/ }).click();
    await (await chooser).setFiles(join(dir, file));
  };
  await choose('emblem.svg');
  await expect(section.getByRole('alert')).toHaveText('The file is not a PNG or JPEG image. The emblem was not changed.');
  await expect(section.getByText('No emblem')).toBeVisible();
  await choose('emblem.png');
  await expect(section.getByText('emblem.png · 96 × 96 pixels')).toBeVisible();
  await expect(section.locator('canvas')).toBeVisible();
  await page.screenshot({ path: join(dir, 'settings-emblem.png') });

  // The pack dialog: the example, with a file reference, addressees and two numbered copies.
  const packs = new PacksPage(page);
  await packs.goto();
  await packs.loadExample();
  await packs.tick(EXAMPLE_TITLE);
  await page.getByLabel('File reference').fill('DUS/POL/2015/017');
  // One language field: the PDF's language tag follows the language chosen, with no second box for the tag.
  await expect(page.getByLabel('Language of the pack', { exact: true })).toHaveValue('en');
  await expect(page.getByRole('textbox', { name: 'Document language' })).toHaveCount(0);
  // Typed as officers write it (never the browser's mm/dd/yyyy box), spelled out once left.
  const issued = page.getByLabel('Date of issue');
  // A month is not a day: refused with what stays, nothing taken; the day then read clears the refusal.
  await issued.fill('May 2015');
  await expect(issued).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Not read: type a day, such as 17 Mar 2015, 17\.03\.2015 or 2015-03-17\. The (date|field) stays/)).toBeVisible();
  await issued.fill('20 Mar 2015');
  await expect(issued).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText(/^Not read: type a day/)).toHaveCount(0);
  await expect(page.locator('#pack-issue-date-reading')).toHaveText('Fri 20 March 2015');
  await issued.blur();
  await expect(issued).toHaveValue('20 March 2015');
  await expect(issued).toHaveAttribute('data-value', '2015-03-20');
  await page.getByRole('textbox', { name: 'To (one per line)' }).fill('Ministry of Foreign Affairs\nCentral Asia Department');
  await page.getByRole('textbox', { name: 'Distribution (one per line)' }).fill('H.E. the Ambassador\nRegistry');
  await page.getByRole('checkbox', { name: /Numbered copies/ }).check();
  await expect(page.getByText('2 PDF files, each page marked “Copy n of 2 — recipient”')).toBeVisible();
  await page.getByRole('checkbox', { name: /Numbered paragraphs/ }).check();
  expect(await seriousViolations(page, '.packs')).toEqual([]);
  await page.screenshot({ path: join(dir, 'pack-registry.png'), fullPage: true });

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await packs.generateButton.click();
  await expect(packs.outcome).toContainText('Saved 2 numbered copies', { timeout: 90_000 });
  expect(downloads.map((d) => d.suggestedFilename())).toEqual([
    'Briefing-pack-2015-03-20-copy-1-of-2-H-E-the-Ambassador.pdf',
    'Briefing-pack-2015-03-20-copy-2-of-2-Registry.pdf',
  ]);

  const recipients = ['H.E. the Ambassador', 'Registry'];
  for (const [i, d] of downloads.entries()) {
    const file = join(dir, d.suggestedFilename());
    await d.saveAs(file);
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    const pages = pagesText(file);
    for (const [p, text] of pages.entries()) expect(oneLine(text), `copy ${i + 1}, page ${p + 1}`).toContain(`Copy ${i + 1} of 2 — ${recipients[i]}`);
    const cover = oneLine(pages[0]!);
    expect(cover).toContain('FILE REFERENCE DUS/POL/2015/017');
    expect(cover).toContain('TO Ministry of Foreign Affairs; Central Asia Department');
    expect(cover).toContain('DISTRIBUTION 1. H.E. the Ambassador 2. Registry');
    expect(cover).toContain('DATE OF ISSUE 20 March 2015');
    expect(oneLine(pages.join(' '))).toContain('SUMMARY 1. The Ministry of Foreign Affairs');
    // The emblem from Settings, on the cover.
    const images = run('pdfimages', ['-list', file]).stdout.trim().split('\n').slice(2);
    expect(images.some((l) => /^\s*1\s+\d+\s+image\s+96\s+96\b/.test(l)), images.join('\n')).toBe(true);
  }
});
