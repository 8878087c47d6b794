import type { FastifyInstance } from 'fastify';
import { hashCampaign } from '../modules/campaigns/campaigns.service.ts';

/** Changes the stored campaign's definition (and its hash, so no cache serves the old one). */
export async function changeCampaign(app: FastifyInstance, change: Record<string, unknown>): Promise<void> {
  const row = await app.db.selectFrom('campaigns').select(['id', 'definition']).executeTakeFirstOrThrow();
  const definition = { ...JSON.parse(row.definition), ...change };
  await app.db.updateTable('campaigns').set({ definition: JSON.stringify(definition), content_hash: hashCampaign(definition) }).where('id', '=', row.id).execute();
}
