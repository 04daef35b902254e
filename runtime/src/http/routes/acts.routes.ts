import { Router } from 'express';
import { ActsRegistry } from '../../registry/actsRegistry';
import type { RuntimeContext } from '../../runtimeContext';
import { requireRole } from '../context';

/**
 * The acts registry (/api/v1/admin/acts): list, read, register an amending act before anyone edits a file, and
 * enter its publication date later (PATCH), after which the versions waiting for it get their effective dates.
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
