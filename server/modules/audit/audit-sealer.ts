import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sealAllAudit } from './audit.service.ts';

interface Log {
  error(details: object, message: string): void;
}

/**
 * Links new audit entries into the chain every `intervalMs`, in every instance: the sealer's turn
 * (decision 0026) lets one seal at a time and the others find nothing or step aside. A tick never
 * overlaps the last; `stop` waits for the running one.
 */
export function startAuditSealer(options: { db: Kysely<Database>; intervalMs?: number; log: Log }): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = sealAllAudit(options.db)
      .then(() => undefined)
      .catch((error: unknown) => options.log.error({ err: error }, 'sealing the audit log failed; it is tried again'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 500);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
