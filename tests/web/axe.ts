/**
 * The one axe-core check of the end-to-end specs: the serious and critical violations on the page (or
 * inside `include`), each named with its rule, impact, help text and the elements it flagged, so a
 * failure says what to fix. Minor and moderate findings are not failures.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // @axe-core/playwright is typed against its own copy of playwright-core; the page is the same object.
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
