import type { Kysely } from 'kysely';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Database } from '../db/schema.ts';
import type { Engine } from '../db/database.ts';
import type { Clock } from '../ids.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { ClientAssets } from '../pages/client-assets.ts';
import type { Access, RouteAccess } from './access.ts';
import type { Actor } from '../modules/auth/actor.ts';
import type { PublicCache } from '../modules/public-cache/public-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    engine: Engine;
    clock: Clock;
    baseUrl: string;
    dataDir: string;
    storage: FileStorage;
    routeAccess: RouteAccess[];
    assets: ClientAssets;
    /** Rendered public pages of the current generation (decision 0042). */
    publicCache: PublicCache;
  }
  interface FastifyRequest {
    locale: Locale;
    /** A `?lang=` value we do not serve, kept to tell the user. */
    unsupportedLanguage: string | undefined;
    /** The signed-in person, or null for a visitor. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
