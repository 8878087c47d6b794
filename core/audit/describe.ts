import { isCampaignPhase, type CampaignPhase } from '../campaign/campaign-phase.ts';
import type { CaseMove } from '../case/case-status.ts';
import type { Locale } from '../i18n/locale.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';

// Every action the audit log records, as a sentence in the reader's language that names what it
// touched (a case's title, a unit's name, a person) instead of its id. The server says which names
// and links the reader gets (auditNamesFor); these rules only say which facts make the sentence.

/** What an audit entry says, as the log stores it. */
export interface AuditFacts {
  action: string;
  actorLabel: string;
  subjectType: string;
  subjectId: string | null;
  change: Record<string, unknown>;
}

export type AuditRefKind = 'case' | 'unit' | 'user' | 'campaign';

/** A thing an entry names by id. */
export interface AuditRef {
  kind: AuditRefKind;
  id: string;
}

/** The name of a referenced thing and, when the reader may open it, where. */
export interface AuditName {
  name: string;
  href: string | null;
}

/** One piece of a sentence: plain text, or a named thing the page may link. */
export type AuditPart = string | { text: string; href: string | null };

/** A message of the catalogue (a phase's name) is said in the reader's language. */
type Value = string | AuditRef | { time: string } | { message: MessageKey };
type Rule = (e: AuditFacts) => { key: MessageKey; params?: Record<string, Value> };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const ref = (kind: AuditRefKind, id: unknown): AuditRef | string => (typeof id === 'string' && id ? { kind, id } : '');
const subject = (kind: AuditRefKind) => (e: AuditFacts) => ref(kind, e.subjectId);
const phaseName = (phase: unknown): Value => (isCampaignPhase(text(phase)) ? { message: `phase.${text(phase) as CampaignPhase}` } : text(phase));
const caseSentence = (key: MessageKey): Rule => (e) => ({ key, params: { case: subject('case')(e) } });
const unitSentence = (key: MessageKey): Rule => (e) => ({ key, params: { unit: subject('unit')(e) } });

const CASE_RULES: Record<`case.${CaseMove}`, Rule> = {
  'case.create': caseSentence('audit.case.create'),
  'case.submit': (e) => ({ key: 'audit.case.submit', params: { case: subject('case')(e), receipt: text(e.change.receiptNumber) } }),
  'case.withdraw': caseSentence('audit.case.withdraw'),
  'case.return': (e) => ({ key: 'audit.case.return', params: { case: subject('case')(e), due: { time: text(e.change.dueAt) } } }),
  'case.request_review': (e) => e.change.superiorOrganizationId
    ? { key: 'audit.case.request_review', params: { case: subject('case')(e), superior: ref('unit', e.change.superiorOrganizationId) } }
    : { key: 'audit.case.request_review', params: { case: subject('case')(e), superior: text(e.change.superiorEmail) } },
  'case.recommend': caseSentence('audit.case.recommend'),
  'case.decline': caseSentence('audit.case.decline'),
  'case.screen_pass': caseSentence('audit.case.screen_pass'),
  'case.screen_reject': (e) => ({ key: 'audit.case.screen_reject', params: { case: subject('case')(e), reason: text(e.change.message) } }),
  'case.screen_reverse': (e) => ({ key: 'audit.case.screen_reverse', params: { case: subject('case')(e), reason: text(e.change.message) } }),
  'case.unit_merged': (e) => ({ key: 'audit.case.unit_merged', params: { case: subject('case')(e), from: ref('unit', e.change.fromUnit), into: ref('unit', e.change.intoUnit) } }),
};

const GRANTS: Record<string, MessageKey> = {
  organizer: 'audit.role.grant.organizer',
  reviewer: 'audit.role.grant.reviewer',
  learner: 'audit.role.grant.learner',
};

/** Each rule typed as a Rule while the object keeps its keys, which name the action codes. */
const rules = <T extends Record<string, Rule>>(all: T): { [K in keyof T]: Rule } => all;

/** The sentence rule of every action code the server writes; appendAudit accepts no other code. */
export const AUDIT_RULES = rules({
  ...CASE_RULES,
  'campaign.extend_deadline': (e) => ({
    key: 'audit.campaign.extend_deadline',
    params: { unit: ref('unit', e.change.organizationId), campaign: subject('campaign')(e), until: { time: text(e.change.closesAt) } },
  }),
  'campaign.move_phase': (e) => ({
    key: e.change.reason ? 'audit.campaign.return_phase' : 'audit.campaign.advance_phase',
    params: { campaign: subject('campaign')(e), from: phaseName(e.change.from), to: phaseName(e.change.to), reason: text(e.change.reason) },
  }),
  'attachment.add': (e) => ({ key: 'audit.attachment.add', params: { case: subject('case')(e), file: text(e.change.fileName) } }),
  'attachment.remove': (e) => ({ key: 'audit.attachment.remove', params: { case: subject('case')(e), file: text(e.change.fileName) } }),
  'organization.register': unitSentence('audit.organization.register'),
  'organization.update': unitSentence('audit.organization.update'),
  'organization.merge': (e) => ({ key: 'audit.organization.merge', params: { unit: subject('unit')(e), into: ref('unit', e.change.into) } }),
  'organization.invite_operator': (e) => ({ key: 'audit.organization.invite_operator', params: { unit: subject('unit')(e), email: text(e.change.email) } }),
  'organization.join': unitSentence('audit.organization.join'),
  'organization.join_request': unitSentence('audit.organization.join_request'),
  'account.sign_up': () => ({ key: 'audit.account.sign_up' }),
  'account.verify_email': () => ({ key: 'audit.account.verify_email' }),
  'account.update': () => ({ key: 'audit.account.update' }),
  'auth.sign_in': () => ({ key: 'audit.auth.sign_in' }),
  'auth.sign_in_failed': (e) => ({ key: 'audit.auth.sign_in_failed', params: { email: e.subjectId ?? '' } }),
  'auth.sign_out': () => ({ key: 'audit.auth.sign_out' }),
  'auth.password_reset': () => ({ key: 'audit.auth.password_reset' }),
  'auth.password_change': () => ({ key: 'audit.auth.password_change' }),
  'role.grant': (e) => ({ key: GRANTS[text(e.change.role)] ?? 'audit.role.grant.other', params: { user: subject('user')(e), campaign: ref('campaign', e.change.campaignId) } }),
  'reviewer.invite': (e) => ({ key: 'audit.reviewer.invite', params: { campaign: subject('campaign')(e), email: text(e.change.email) } }),
  'reviewer.profile': () => ({ key: 'audit.reviewer.profile' }),
  'reviewer.import': (e) => ({ key: 'audit.reviewer.import', params: { campaign: subject('campaign')(e), imported: String(e.change.imported ?? 0), updated: String(e.change.updated ?? 0) } }),
  'reference.import': (e) => ({ key: 'audit.reference.import', params: { campaign: subject('campaign')(e), imported: String(e.change.imported ?? 0), skipped: String(e.change.skipped ?? 0) } }),
  'conflict.declare': (e) => ({ key: 'audit.conflict.declare', params: { case: subject('case')(e), reason: text(e.change.reason) } }),
  'conflict.dismiss': (e) => ({ key: 'audit.conflict.dismiss', params: { case: subject('case')(e), email: text(e.change.reviewerEmail), reason: text(e.change.reason) } }),
  'assignment.run': (e) => ({ key: 'audit.assignment.run', params: { campaign: subject('campaign')(e) } }),
  'assignment.add': (e) => ({ key: 'audit.assignment.add', params: { case: subject('case')(e), email: text(e.change.reviewerEmail) } }),
  'assignment.remove': (e) => ({ key: 'audit.assignment.remove', params: { case: subject('case')(e) } }),
  'assignment.release': (e) => ({
    key: e.change.override ? 'audit.assignment.release_override' : 'audit.assignment.release',
    params: { campaign: subject('campaign')(e), released: String(e.change.released ?? 0), reviewers: String(e.change.reviewers ?? 0), reason: text(e.change.reason) },
  }),
  'review.submit': (e) => ({ key: 'audit.review.submit', params: { case: subject('case')(e) } }),
  'selection.suggest': (e) => ({ key: 'audit.selection.suggest', params: { campaign: subject('campaign')(e), suggested: String(e.change.suggested ?? 0), kept: String(e.change.kept ?? 0) } }),
  'selection.accept': (e) => ({ key: 'audit.selection.accept', params: { campaign: subject('campaign')(e), accepted: String(e.change.accepted ?? 0) } }),
  'selection.change': (e) => ({
    key: 'audit.selection.change',
    params: { case: subject('case')(e), from: selectionTier(e.change.from), to: selectionTier(e.change.to), reason: text(e.change.reason) },
  }),
  'notice.publish': (e) => ({ key: 'audit.notice.publish', params: { campaign: subject('campaign')(e), entries: String(e.change.entries ?? 0), days: String(e.change.days ?? 0) } }),
  'notice.finalize': (e) => ({ key: 'audit.notice.finalize', params: { campaign: subject('campaign')(e), best: String(e.change.best ?? 0), excellent: String(e.change.excellent ?? 0) } }),
  'objection.file': (e) => ({ key: 'audit.objection.file', params: { case: subject('case')(e), reference: text(e.change.reference) } }),
  'objection.resolve': (e) => ({
    key: e.change.outcome === 'upheld' ? 'audit.objection.upheld' : 'audit.objection.dismissed',
    params: { case: subject('case')(e), reference: text(e.change.reference), to: selectionTier(e.change.to), reason: text(e.change.reason) },
  }),
  'publication.create': caseSentence('audit.publication.create'),
  'publication.edit': caseSentence('audit.publication.edit'),
  'publication.publish': caseSentence('audit.publication.publish'),
  'publication.unpublish': caseSentence('audit.publication.unpublish'),
  'publication.recreate': caseSentence('audit.publication.recreate'),
  'library_import.run': (e) => ({ key: 'audit.library_import.run', params: { campaign: subject('campaign')(e), file: text(e.change.fileName), written: String(e.change.written ?? 0) } }),
});

/** A selection tier (best, excellent, none) in the reader's language. */
function selectionTier(value: unknown): Value {
  return { message: value === 'best' ? 'selection.tier.best' : value === 'excellent' ? 'selection.tier.excellent' : 'selection.tier.none' };
}

export type AuditAction = keyof typeof AUDIT_RULES;

export const AUDIT_ACTIONS = Object.keys(AUDIT_RULES) as AuditAction[];

const isAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_RULES, action);

/** Every thing `entry` names by id, for the server to look up once for a whole page. */
export function auditRefs(entry: AuditFacts): AuditRef[] {
  if (!isAction(entry.action)) return [];
  return Object.values(AUDIT_RULES[entry.action](entry).params ?? {}).filter((v): v is AuditRef => typeof v === 'object' && 'kind' in v);
}

export const refKey = (r: AuditRef) => `${r.kind}:${r.id}`;

/** "王芳" from the label "王芳 <wang@example.cn>" the log keeps; other labels (an address, a setting) as they are. */
export function actorName(label: string): string {
  return /^(.+?) <[^<>]+>$/.exec(label)?.[1] ?? label;
}

/**
 * The entry as a sentence in `locale`, in parts: named things carry the name and link the server
 * gave (`names`, by refKey); a thing it did not name reads "(no longer exists)". An action this
 * version does not know (an old entry) shows its code after the actor.
 */
export function describeAudit(locale: Locale, entry: AuditFacts, names: Record<string, AuditName>, formatTime: (iso: string) => string): AuditPart[] {
  const actor = actorName(entry.actorLabel);
  if (!isAction(entry.action)) return [translate(locale, 'audit.unknown', { actor, action: entry.action })];
  const { key, params = {} } = AUDIT_RULES[entry.action](entry);
  const named: AuditPart[] = [];
  const fill: Record<string, string> = { actor };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') fill[name] = value;
    else if ('time' in value) fill[name] = value.time ? formatTime(value.time) : '';
    else if ('message' in value) fill[name] = translate(locale, value.message);
    else {
      const found = names[refKey(value)];
      named.push(found ? { text: found.name, href: found.href } : translate(locale, 'audit.gone'));
      // A private-use mark no message or name contains, so the filled sentence splits back at each named thing.
      fill[name] = `\uE000${named.length - 1}\uE000`;
    }
  }
  return translate(locale, key, fill)
    .split(/\uE000(\d+)\uE000/)
    .map((piece, i) => (i % 2 === 1 ? named[Number(piece)]! : piece))
    .filter((piece) => piece !== '');
}
