import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** The seventh collection's file as plain data, to change in a test. */
export function seventhCampaignData(): Record<string, any> {
  return parse(readFileSync('campaigns/seventh-collection.yaml', 'utf8'));
}

/** A campaigns folder holding the given files (name → YAML text or data). */
export function campaignsFolder(files: Record<string, string | object>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-campaigns-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : stringify(content));
  }
  return dir;
}

/**
 * A campaigns folder with the seventh collection open from 2024 to 2099: for a real server
 * process, which runs on the real clock.
 */
export function openSeventhCampaignFolder(): string {
  const data = seventhCampaignData();
  return campaignsFolder({
    'seventh-collection.yaml': {
      ...data,
      window: { ...data.window, opensAt: '2024-01-15T00:00:00', closesAt: '2099-06-30T23:59:59' },
      review: { ...data.review, dueAt: '2099-08-31T23:59:59' },
    },
  });
}
