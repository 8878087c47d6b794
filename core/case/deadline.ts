// The deadline that applies to one unit: the campaign's close, unless organizers extended it
// for every unit or for this one. All instants are UTC ISO strings; the campaign's time zone
// matters only for display.

export interface DeadlineExtension {
  /** Null extends the deadline for every unit. */
  organizationId: string | null;
  closesAt: string;
}

export function effectiveDeadline(campaignClosesAt: string, extensions: readonly DeadlineExtension[], organizationId: string): string {
  let latest = campaignClosesAt;
  for (const e of extensions) {
    if ((e.organizationId === null || e.organizationId === organizationId) && e.closesAt > latest) latest = e.closesAt;
  }
  return latest;
}
