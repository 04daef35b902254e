import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * The automated accessibility check of the browser suites: axe-core (Deque's rules for WCAG 2.x A and AA) run in the
 * page as it stands. Returns the serious and critical violations, each as "rule: what it says — where", so that a
 * failing `expect(await seriousViolations(page)).toEqual([])` names what to fix.
 */
let axeCode: string | null = null;
/** axe-core's script, read once. */
const axeSource = () => (axeCode ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated, not added as a <script>: the admin UI's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: AxeInPage }).axe;
    const result = await axe.run(context ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, within ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}

/** The part of axe's API the check uses, as it runs inside the page. */
interface AxeInPage {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
  }>;
}
