import { Router } from 'express';
import { domainError, simulate, simulationContract, type ApplicationEvent } from '@qyzmet/engine';
import { assertSafeText } from '../../applications/unsafeText';
import type { RuntimeContext } from '../../runtimeContext';
import { languageOf } from '../context';

/** POST /simulate: the same as `qyzmet simulate` (nothing stored). */
export function simulateRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  r.post('/simulate', async (req, res) => {
    const { serviceId, at, data, events } = (req.body ?? {}) as {
      serviceId?: unknown;
      at?: unknown;
      data?: unknown;
      events?: unknown;
    };
    if (typeof serviceId !== 'string')
      throw domainError('user', 'request.invalid', 'serviceId is required', {
        extensions: { errors: [{ pointer: '/serviceId', code: 'required', message: 'serviceId is required' }] },
      });
    if (typeof at !== 'string')
      throw domainError('user', 'request.invalid', 'at is required: the ISO instant the application arrives', {
        extensions: { errors: [{ pointer: '/at', code: 'required', message: 'at is required' }] },
      });
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw domainError('user', 'request.invalid', 'data must be an object', {
        extensions: { errors: [{ pointer: '/data', code: 'type', message: 'data must be an object' }] },
      });
    // Refused as a submission would be: a simulation must not preview what could never be filed.
    assertSafeText(data);
    if (events !== undefined && !Array.isArray(events))
      throw domainError('user', 'request.invalid', 'events must be an array', {
        extensions: { errors: [{ pointer: '/events', code: 'type', message: 'events must be an array' }] },
      });
    const service = ctx.repo.services.get(serviceId);
    if (!service) throw domainError('notFound', 'service.unknown', `no service "${serviceId}"`);
    const lang = languageOf(req);
    const result = simulationContract(
      await simulate(service, data as Record<string, unknown>, (events ?? []) as ApplicationEvent[], at, {
        lang: lang === 'en' ? 'ru' : lang,
      }),
    );
    res.json(result);
  });
  return r;
}
