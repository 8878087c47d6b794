// What `npm audit --omit=dev --json` found, judged by the policy in docs/security.md: a high or
// critical advisory in a runtime dependency blocks a merge unless security/audit-allowlist.json
// names it with a reason and an expiry date not yet passed; the rest is reported for triage.

export interface AllowedAdvisory {
  /** The advisory's URL or GHSA id, as npm audit reports it. */
  advisory: string;
  reason: string;
  /** YYYY-MM-DD; from the day after, the advisory blocks again. */
  expires: string;
}

export interface Finding {
  package: string;
  severity: string;
  title: string;
  advisory: string;
}

export type AuditVerdict =
  | { ran: false; reason: string }
  | { ran: true; blocking: Finding[]; allowed: Finding[]; reported: Finding[] };

interface NpmAuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

interface NpmAuditReport {
  error?: { code?: string; summary?: string };
  /** What npm prints when the registry refuses the request itself. */
  message?: string;
  vulnerabilities?: Record<string, { severity: string; via: (string | NpmAuditVia)[] }>;
}

const BLOCKING = new Set(['high', 'critical']);

function findings(report: NpmAuditReport): Finding[] {
  const found = new Map<string, Finding>();
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of entry.via) {
      // A string names another vulnerable package this one depends on: reported under that one.
      if (typeof via === 'string') continue;
      const advisory = via.url ?? String(via.source ?? '');
      found.set(`${name} ${advisory}`, { package: via.name ?? name, severity: via.severity ?? entry.severity, title: via.title ?? '', advisory });
    }
  }
  return [...found.values()];
}

/** Sorts the report's advisories into blocking, allowed (listed, not expired) and reported. */
export function judgeAudit(reportJson: string, allowlist: AllowedAdvisory[], today: string): AuditVerdict {
  let report: NpmAuditReport;
  try {
    report = JSON.parse(reportJson) as NpmAuditReport;
  } catch {
    return { ran: false, reason: 'npm audit printed no report' };
  }
  if (report.error || !report.vulnerabilities) {
    return { ran: false, reason: `the advisory service did not answer (${report.error?.summary || report.message || report.error?.code || 'no vulnerabilities section'})` };
  }
  const isAllowed = (f: Finding) => allowlist.some((a) => (f.advisory === a.advisory || f.advisory.endsWith(`/${a.advisory}`)) && a.expires >= today);
  const all = findings(report);
  return {
    ran: true,
    blocking: all.filter((f) => BLOCKING.has(f.severity) && !isAllowed(f)),
    allowed: all.filter((f) => BLOCKING.has(f.severity) && isAllowed(f)),
    reported: all.filter((f) => !BLOCKING.has(f.severity)),
  };
}
