import { join } from 'node:path';
import { simulate, type Scenario, type SimulationResult } from '@qyzmet/engine';
import { loadRepository, type Repository } from '../../runtime/src/registry/loadRepository';
import { loadScenarios } from '../../runtime/src/registry/loadScenarios';

/**
 * The documents a service's scenario issues, rendered in kk or ru by the engine from the real definitions on disk: what
 * the applicant would receive. Document tests assert on `text` (the HTML without tags, whitespace collapsed).
 */

let repo: Repository | undefined;
const REPO_ROOT = join(__dirname, '../..');

export function definitions(): Repository {
  repo ??= loadRepository(join(REPO_ROOT, 'definitions'));
  return repo;
}

/** Every scenario of a service, by file name ('03-sc-incomplete-package-refusal-receipt.json'). */
export function scenariosOf(serviceId: string): Map<string, Scenario> {
  const { scenarios, problems } = loadScenarios(definitions().serviceDir(serviceId));
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  return new Map(scenarios.map((s) => [s.file.split('/').pop()!, s.scenario]));
}

/** The number documents print, as the runtime would give it (PROVIDER-SERVICE-YEAR-SEQUENCE). */
export const SAMPLE_NUMBER = 'GKPG-CPD-2026-000042';

export interface RenderedDocument {
  id: string;
  title: string;
  html: string;
  /** The document as a reader sees it: head and styles dropped, tags removed, entities decoded, spaces collapsed. */
  text: string;
}

export function textOf(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs one scenario of a service and renders every document it issued in `lang`. */
export async function scenarioDocuments(
  serviceId: string,
  scenarioFile: string,
  lang: 'kk' | 'ru',
  /** The application's number to print (a simulation has none unless given). */
  number?: string,
): Promise<{ result: SimulationResult; documents: RenderedDocument[] }> {
  const service = definitions().services.get(serviceId);
  if (!service)
    throw new Error(
      `service ${serviceId} did not compile: ${[...definitions().problems.map((p) => p.message)].join('\n')}`,
    );
  const scenario = scenariosOf(serviceId).get(scenarioFile);
  if (!scenario) throw new Error(`no scenario ${scenarioFile} in ${serviceId}`);
  const result = await simulate(service, scenario.data, scenario.events, scenario.at, {
    lang,
    renderDocuments: true,
    channel: scenario.channel,
    ...(number ? { number } : {}),
  });
  return { result, documents: result.documents.map((d) => ({ ...d, text: textOf(d.html) })) };
}
