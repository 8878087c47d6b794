import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

// Past what it can serve, the server turns work away by its importance instead of letting every
// request slow down together: public pages, imports and document downloads go first, then
// ordinary reads and writes; a unit's autosave, upload and submit are never turned away here.
// Pressure is the event loop's delay (p99 over the last sample) and the requests in flight;
// a level holds until a sample comes back under it, so the server recovers by itself.

export type Priority = 'critical' | 'normal' | 'low';

/** What is shed first (low) and never (critical), by route; everything else is normal. */
const PRIORITIES: Record<string, Priority> = {
  'PUT /api/v1/cases/:id/draft': 'critical',
  'POST /api/v1/cases/:id/submit': 'critical',
  'POST /api/v1/uploads': 'critical',
  'PATCH /api/v1/uploads/:id': 'critical',
  'HEAD /api/v1/uploads/:id': 'critical',
  'POST /api/v1/auth/sign-in': 'critical',
  'GET /': 'low',
  'GET /campaigns/:slug': 'low',
  'GET /campaigns/:slug/declaration-form.docx': 'low',
  'GET /verify': 'low',
  'GET /audit-heads': 'low',
  'GET /api/v1/audit/heads': 'low',
  'GET /api/v1/openapi.json': 'low',
  'POST /api/v1/cases/:id/import-docx': 'low',
  'GET /api/v1/cases/:id/declaration-form.docx': 'low',
  'GET /api/v1/cases/:id/declaration-form.pdf': 'low',
  'POST /api/v1/campaigns/:slug/reference-imports/preview': 'low',
  'POST /api/v1/campaigns/:slug/reference-imports': 'low',
  'POST /api/v1/campaigns/:slug/reviewer-imports/preview': 'low',
  'POST /api/v1/campaigns/:slug/reviewer-imports': 'low',
};

export function priorityOf(method: string, url: string | undefined): Priority {
  return (url && PRIORITIES[`${method} ${url}`]) || 'normal';
}

export interface SheddingLimits {
  /** Event loop delay (p99, ms) past which low-priority work is turned away. */
  lowLagMs: number;
  /** Past which normal work is turned away too. */
  normalLagMs: number;
  /** Requests in flight past which low-priority work is turned away; twice this, normal too. */
  maxInFlight: number;
  /** How often pressure is sampled. */
  sampleMs: number;
  /** Seconds a turned-away client is told to wait. */
  retryAfterS: number;
}

export const DEFAULT_SHEDDING: SheddingLimits = { lowLagMs: 400, normalLagMs: 1500, maxInFlight: 256, sampleMs: 250, retryAfterS: 5 };

/** 0: serve everything; 1: turn low-priority work away; 2: normal work too. */
export function pressureLevel(lagMs: number, inFlight: number, limits: SheddingLimits): 0 | 1 | 2 {
  if (lagMs > limits.normalLagMs || inFlight > 2 * limits.maxInFlight) return 2;
  if (lagMs > limits.lowLagMs || inFlight > limits.maxInFlight) return 1;
  return 0;
}

export function sheds(priority: Priority, level: 0 | 1 | 2): boolean {
  return (priority === 'low' && level >= 1) || (priority === 'normal' && level >= 2);
}

export function registerLoadShedding(app: FastifyInstance, limits: SheddingLimits): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let inFlight = 0;
  let lagMs = 0;
  let level: 0 | 1 | 2 = 0;
  let shed = 0;
  const timer = setInterval(() => {
    lagMs = delay.percentile(99) / 1e6;
    delay.reset();
    const next = pressureLevel(lagMs, inFlight, limits);
    if (next !== level) app.log.warn({ level: next, lagMs: Math.round(lagMs), inFlight, shedSinceLast: shed }, next > level ? 'under pressure: turning work away' : 'pressure easing');
    if (next !== level) shed = 0;
    level = next;
  }, limits.sampleMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    delay.disable();
  });
  app.addHook('onRequest', async (request, reply) => {
    // In-flight work counts as it arrives, so a burst is seen before the next sample.
    const now = pressureLevel(lagMs, inFlight, limits);
    const priority = priorityOf(request.method, request.routeOptions.url);
    if (sheds(priority, Math.max(level, now) as 0 | 1 | 2)) {
      shed += 1;
      void reply.header('retry-after', String(limits.retryAfterS));
      throw new AppError('overloaded');
    }
    inFlight += 1;
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
  });
}
