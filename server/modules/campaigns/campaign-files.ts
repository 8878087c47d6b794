import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { campaignSchema, describeCampaignIssues } from '../../../core/campaign/campaign.schema.ts';
import { StartupError } from '../../startup-error.ts';
import type { CampaignSource } from './campaigns.service.ts';

const CAMPAIGN_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads and validates every campaign file in `dir`. Any problem in any file stops the start
 * with one line per problem, each naming the file and the field.
 */
export function readCampaignFiles(dir: string): CampaignSource[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => CAMPAIGN_FILE.test(name)).sort();
  } catch (error) {
    throw new StartupError(`Cannot read the campaigns folder ${path.resolve(dir)}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }

  const problems: string[] = [];
  const sources: CampaignSource[] = [];
  const fileOfSlug = new Map<string, string>();
  for (const name of names) {
    const parsed = parseCampaignText(readFileSync(path.join(dir, name), 'utf8'));
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${name}: ${p}`));
      continue;
    }
    const other = fileOfSlug.get(parsed.source.slug);
    if (other) {
      problems.push(`${name}: slug: "${parsed.source.slug}" is already used by ${other}`);
      continue;
    }
    fileOfSlug.set(parsed.source.slug, name);
    sources.push({ file: name, campaign: parsed.source });
  }
  if (problems.length > 0) {
    throw new StartupError(`Campaign files in ${path.resolve(dir)} are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return sources;
}

type ParseOutcome =
  | { ok: true; source: CampaignSource['campaign'] }
  | { ok: false; problems: string[] };

/** YAML (or JSON, which is YAML) to a validated campaign, or the list of what is wrong. */
export function parseCampaignText(text: string): ParseOutcome {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((e) => {
        const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'syntax';
        return `${where}: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const result = campaignSchema.safeParse(document.toJS());
  return result.success ? { ok: true, source: result.data } : { ok: false, problems: describeCampaignIssues(result.error) };
}
