import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Clock } from '../ids.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { prepareSignUp, resolveSession, signIn, signUp, verifyEmail } from '../modules/auth/auth.service.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';

// What every seeding step works with: the database, the data folder, the clock, and people acting
// through the same service functions the routes call. An account is made as a visitor makes one
// (sign-up, then the link in the verification mail), and acts through a real session.

export interface DemoContext {
  db: Kysely<Database>;
  /** The database's engine, which the job runner's leases need. */
  engine: Engine;
  dataDir: string;
  storage: FileStorage;
  baseUrl: string;
  clock: Clock;
  /** The campaign the steps act in: the collecting demo campaign's slug, unless a step says otherwise. */
  slug: string;
  /** The demo campaign in review. */
  reviewSlug: string;
  /** The demo campaign in screening. */
  screeningSlug: string;
  /** How many submitting units to register. */
  units: number;
  log: (line: string) => void;
}

const META = { ip: '127.0.0.1', userAgent: 'zhengji-demo-seed' };

// One argon2 hash for every demo account (they share a password); a hash per account would cost
// a fifth of a second each.
let sharedHash: Promise<string> | undefined;
const passwordHash = () => (sharedHash ??= prepareSignUp({ email: 'organizer@demo.example.cn', password: DEMO_PASSWORD, displayName: '演示主办方' }).then((p) => p.passwordHash));

/**
 * The one-time token of the newest link mailed to `to` (by `asOf`, for a reader on a clock set
 * back, whose later mails are not yet written), as its reader would click it: a demo mailbox is
 * the outbox (no SMTP is configured for the demo).
 */
export async function tokenFromMail(db: Kysely<Database>, to: string, template: string, asOf?: Date): Promise<string> {
  const mail = await db.selectFrom('mails').select('text_body').where('to_email', '=', to).where('template', '=', template)
    .$if(asOf !== undefined, (q) => q.where('created_at', '<=', asOf!.toISOString()))
    .orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
  if (!token) throw new Error(`no link in the ${template} mail to ${to}`);
  return token;
}

/** Signs up with the demo password and follows the verification link from the mail. */
export async function createVerifiedAccount(ctx: DemoContext, email: string, displayName: string): Promise<void> {
  const hash = await passwordHash();
  await inTransaction(ctx.db, (trx) => signUp(trx, { email, passwordHash: hash, displayName, locale: 'zh-CN' }, ctx.clock(), { ...META, baseUrl: ctx.baseUrl }));
  const token = await tokenFromMail(ctx.db, email, 'verify_email');
  await inTransaction(ctx.db, (trx) => verifyEmail(trx, token, ctx.clock()));
}

/**
 * The account acting through a fresh session, with the roles and units it holds now. Sign-in's
 * password check (argon2, a fifth of a second) is the shared hash every demo account was given;
 * the session is opened and read back as for any request.
 */
export async function actorOf(ctx: DemoContext, email: string): Promise<Actor> {
  const check = { email, matchedHash: await passwordHash() };
  const outcome = await inTransaction(ctx.db, (trx) => signIn(trx, check, ctx.clock(), { ...META, baseUrl: ctx.baseUrl }));
  if (!outcome.ok) throw new Error(`demo sign-in of ${email} failed: ${outcome.code}`);
  const actor = await resolveSession(ctx.db, outcome.token, ctx.clock());
  if (!actor) throw new Error(`demo session of ${email} not found`);
  return actor;
}

/**
 * The context acting in the campaign `slug`, `daysAgo` days back: the services check windows and
 * due dates against the clock, so a past stage of a campaign is lived on a clock set back.
 */
export function contextAt(ctx: DemoContext, slug: string, daysAgo: number): DemoContext {
  const offset = daysAgo * 86_400_000;
  return { ...ctx, slug, clock: () => new Date(ctx.clock().getTime() - offset) };
}

/** Runs `work` over `items`, `limit` at a time (SQLite commits units that arrive together in one group). */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}
