import { Router } from 'express';
import { actClauses } from '../../registry/actClauses';
import { ActsRegistry } from '../../registry/actsRegistry';
import type { RuntimeContext } from '../../runtimeContext';
import { requireRole } from '../context';

/**
 * The acts registry (/api/v1/admin/acts): list, read, register an amending act before anyone edits a file, and
 * enter its publication date later (PATCH), after which the versions waiting for it get their effective dates; and
 * an act's clauses with their seed text, to cite one.
 */
export function actsRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  const acts = new ActsRegistry(ctx);
  r.get('/acts', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json({ items: acts.list() });
  });
  r.get('/acts/:id', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    res.json(acts.get(req.params.id));
  });
  /** The act's clause inventory with the seed text of each clause, for the workbench's legal-reference picker. */
  r.get('/acts/:id/clauses', (req, res) => {
    requireRole(req, 'analyst', 'admin');
    acts.get(req.params.id);
    res.json(actClauses(req.params.id, ctx.repo.compileEnv.sharedActs, ctx.repo.compileEnv.readSeed));
  });
  r.post('/acts', async (req, res) => {
    const user = requireRole(req, 'analyst');
    res.status(201).json(await acts.create(user, (req.body ?? {}) as Record<string, unknown>));
  });
  r.patch('/acts/:id', async (req, res) => {
    const user = requireRole(req, 'analyst');
    res.json(await acts.patch(user, req.params.id, (req.body ?? {}) as Record<string, unknown>));
  });
  return r;
}
