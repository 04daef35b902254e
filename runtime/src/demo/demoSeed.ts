import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationsService } from '../applications/applications.service';
import { hashPassword } from '../auth/passwords';
import { loadScenarios } from '../registry/loadScenarios';
import type { RuntimeContext } from '../runtimeContext';
import type { StoredUser } from '../store/Store';

interface DemoSeed {
  users: Array<Omit<StoredUser, 'id' | 'passwordHash' | 'createdAt'> & { password: string }>;
  applications: { perService: number };
}

/**
 * The demo seed (seeds/demo.json): the four demo users, and sample applications in several states for every service
 * in force today, made by replaying the services' own scenarios through the real lifecycle. Runs only on an empty
 * store, so a restart does not duplicate anything.
 */
export async function runDemoSeed(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  seedFile: string,
): Promise<{ users: number; applications: number }> {
  if ((await ctx.store.countUsers()) > 0) return { users: 0, applications: 0 };
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as DemoSeed;
  const users = new Map<string, StoredUser>();
  // The demo users share one published password: hashing it once (128 MiB of scrypt each time) keeps a start quick.
  const hashes = new Map<string, Promise<string>>();
  for (const u of seed.users) {
    const { password, ...rest } = u;
    const user: StoredUser = {
      ...rest,
      id: ctx.newId(),
      passwordHash: await hashOnce(hashes, password),
      createdAt: ctx.now().toISOString(),
    };
    await ctx.store.createUser(user);
    users.set(user.username, user);
  }
  const applicant = users.get('applicant');
  const officer = users.get('officer');
  let created = 0;
  if (!applicant || !officer) return { users: users.size, applications: 0 };
  for (const [id, service] of ctx.repo.services) {
    if (!service.versionAt(ctx.now().getTime())) continue;
    const dir = ctx.repo.serviceDir(id);
    if (!existsSync(join(dir, 'scenarios'))) continue;
    const scenarios = loadScenarios(dir).scenarios.slice(0, seed.applications.perService);
    for (const { scenario } of scenarios) {
      try {
        const view = await applications.create(
          applicant,
          { serviceId: id, data: scenario.data, channel: 'portal' },
          'kk',
        );
        for (const e of scenario.events) {
          const actorIsApplicant = e.actor === 'applicant';
          await applications.sendEvent(
            actorIsApplicant ? applicant : officer,
            view.id,
            { type: e.type, data: e.data },
            'kk',
          );
        }
        created++;
      } catch (e) {
        // A scenario made for another date or version may not replay today; the demo simply has one sample fewer.
        ctx.log(`demo seed: skipped "${scenario.name}" of ${id}: ${(e as Error).message}`);
      }
    }
  }
  return { users: users.size, applications: created };
}

function hashOnce(hashes: Map<string, Promise<string>>, password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}
