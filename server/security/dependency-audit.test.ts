import { describe, expect, it } from 'vitest';
import { judgeAudit } from './dependency-audit.ts';

const report = JSON.stringify({
  vulnerabilities: {
    fastify: { severity: 'high', via: [{ source: 1, name: 'fastify', title: 'Content-type bypass', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high' }] },
    light: { severity: 'critical', via: ['fastify', { source: 2, name: 'light', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'critical' }] },
    minor: { severity: 'moderate', via: [{ source: 3, name: 'minor', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii', severity: 'moderate' }] },
  },
});

describe('dependency audit policy', () => {
  it('blocks high and critical advisories, reports the rest, and lets a listed one pass until it expires', () => {
    const allowlist = [{ advisory: 'GHSA-dddd-eeee-ffff', reason: 'only reached by the build', expires: '2026-12-31' }];
    const before = judgeAudit(report, allowlist, '2026-12-06');
    expect(before.ran && before.blocking.map((f) => f.package)).toEqual(['fastify']);
    expect(before.ran && before.allowed.map((f) => f.package)).toEqual(['light']);
    expect(before.ran && before.reported.map((f) => [f.package, f.severity])).toEqual([['minor', 'moderate']]);
    const after = judgeAudit(report, allowlist, '2027-01-01');
    expect(after.ran && after.blocking.map((f) => f.package)).toEqual(['fastify', 'light']);
  });

  it('passes a clean report and says plainly when the advisory service did not answer', () => {
    expect(judgeAudit(JSON.stringify({ vulnerabilities: {} }), [], '2026-12-06')).toEqual({ ran: true, blocking: [], allowed: [], reported: [] });
    const refused = judgeAudit(JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'audit endpoint returned an error' } }), [], '2026-12-06');
    expect(refused).toEqual({ ran: false, reason: 'the advisory service did not answer (audit endpoint returned an error)' });
    const proxied = judgeAudit(JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 }), [], '2026-12-06');
    expect(proxied).toEqual({ ran: false, reason: expect.stringContaining('405 Method Not Allowed') });
    expect(judgeAudit('', [], '2026-12-06').ran).toBe(false);
  });
});
