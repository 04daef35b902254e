import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationsService } from '../applications/applications.service';
import { hashPassword } from '../auth/passwords';
import { loadScenarios, type LoadedScenario } from '../registry/loadScenarios';
import type { RuntimeContext } from '../runtimeContext';
import type { Store, StoredUser } from '../store/Store';
import { demoSubmissionInstant } from './demoSubmissionInstant';

/** Between a backdated sample's steps (see replay). */
const STEP_MS = 60_000;

interface DemoSeed {
  users: Array<Omit<StoredUser, 'id' | 'passwordHash' | 'createdAt'> & { password: string }>;
  applications: { perService: number };
}

/** The demo seed begun on an empty store: its file read, its passwords being hashed. */
export interface DemoSeedStart {
  seed: DemoSeed;
  /** By password: the demo users share one published password, so it is hashed once. */
  hashes: Map<string, Promise<string>>;
}

/**
 * The demo passwords are published (README, seeds/demo.json), so a costly hash would guard nothing: they are hashed
 * at 4 MiB of scrypt instead of 128, and re-hashed at today's cost at each demo user's first sign-in (needsRehash).
 * The 128 MiB hash ran beside the definitions' compile on a 2-core machine and slowed it by ~0.3 s.
 */
export const DEMO_SCRYPT_PARAMS = { N: 2 ** 12, r: 8, p: 1 };

/**
 * Begins the demo seed when the store is empty (so a restart does not duplicate anything) and the seed file exists:
 * the hashing starts at once and runs on libuv's threads while the definitions compile.
 */
export async function beginDemoSeed(store: Store, seedFile: string): Promise<DemoSeedStart | undefined> {
  if (!existsSync(seedFile) || (await store.countUsers()) > 0) return undefined;
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as DemoSeed;
  const hashes = new Map<string, Promise<string>>();
  for (const { password } of seed.users)
    if (!hashes.has(password)) {
      const hash = hashPassword(password, DEMO_SCRYPT_PARAMS);
      // Awaited by runDemoSeed; until then a failure must not end the process as an unhandled rejection.
      hash.catch(() => undefined);
      hashes.set(password, hash);
    }
  return { seed, hashes };
}

/**
 * The demo seed (seeds/demo.json): the demo users, and sample applications in several states for every service
 * in force today, made by replaying the services' own scenarios through the real lifecycle.
 */
export async function runDemoSeed(
  ctx: RuntimeContext,
  applications: ApplicationsService,
  { seed, hashes }: DemoSeedStart,
): Promise<{ users: number; applications: number }> {
  const users = new Map<string, StoredUser>();
  for (const u of seed.users) {
    const { password, ...rest } = u;
    users.set(u.username, {
      ...rest,
      id: ctx.newId(),
      passwordHash: await hashes.get(password)!,
      createdAt: ctx.now().toISOString(),
    });
  }
  // Written together: the store commits concurrent writes in one group (one fsync instead of one per user).
  await Promise.all([...users.values()].map((user) => ctx.store.createUser(user)));
  const applicant = users.get('applicant');
  const officer = users.get('officer');
  let created = 0;
  if (!applicant || !officer) return { users: users.size, applications: 0 };
  const samples: Array<{ id: string; scenario: LoadedScenario['scenario'] }> = [];
  for (const [id, service] of ctx.repo.services) {
    if (!service.versionAt(ctx.now().getTime())) continue;
    const dir = ctx.repo.serviceDir(id);
    if (!existsSync(join(dir, 'scenarios'))) continue;
    for (const { scenario } of loadScenarios(dir).scenarios.slice(0, seed.applications.perService))
      samples.push({ id, scenario });
  }
  // Each sample's steps in order, the samples side by side: their writes share group commits, so a disk whose
  // fsync takes milliseconds does not make a first start wait for one per step.
  // Outside working hours a sample is submitted at the last working morning (demoSubmissionInstant) and replayed on a
  // clock of its own, a minute per step, so that the officers' steps find it registered.
  const replay = async ({ id, scenario }: (typeof samples)[number]) => {
    const nowMs = ctx.now().getTime();
    let at = demoSubmissionInstant(ctx.repo.services.get(id)!, nowMs);
    const lifecycle = at === nowMs ? applications : new ApplicationsService({ ...ctx, now: () => new Date(at) });
    try {
      const app = await lifecycle.create(applicant, { serviceId: id, data: scenario.data, channel: 'portal' }, 'kk');
      for (const e of scenario.events) {
        const actorIsApplicant = e.actor === 'applicant';
        if (lifecycle !== applications) at += STEP_MS;
        await lifecycle.sendEvent(actorIsApplicant ? applicant : officer, app.id, { type: e.type, data: e.data }, 'kk');
      }
      created++;
    } catch (e) {
      // A scenario made for another date or version may not replay today; the demo simply has one sample fewer.
      ctx.log(`demo seed: skipped "${scenario.name}" of ${id}: ${(e as Error).message}`);
    }
  };
  await Promise.all(samples.map(replay));
  return { users: users.size, applications: created };
}
