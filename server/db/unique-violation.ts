/**
 * Whether a database error is a unique (or primary key) violation, on either engine, so a
 * check-then-insert race can be answered with the domain's refusal instead of a 500.
 *
 * The hint narrows the answer to one constraint: it is matched against the constraint or index
 * name and the columns the engine reports (PostgreSQL: `constraint` and `detail`; SQLite: the
 * message, `UNIQUE constraint failed: users.email`). SQLite names the columns, not the index,
 * of a column index, so a column name is the hint that works on both engines. Another unique
 * violation in the same statement then stays an error.
 *
 * A GroupCommitError (server/db/group-commit.ts) is deliberately not unwrapped: it reaches the
 * units that shared a failed SQLite transaction without having caused the violation.
 */
export function isUniqueViolation(error: unknown, constraintOrColumnHint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, detail, message } = error as { code?: unknown; constraint?: unknown; detail?: unknown; message?: unknown };
  let reported: string[];
  if (code === '23505') {
    reported = [constraint, detail].filter((part): part is string => typeof part === 'string');
  } else if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    reported = typeof message === 'string' ? [message] : [];
  } else {
    return false;
  }
  if (constraintOrColumnHint === undefined) return true;
  const hint = constraintOrColumnHint.toLowerCase();
  return reported.some((part) => part.toLowerCase().includes(hint));
}
