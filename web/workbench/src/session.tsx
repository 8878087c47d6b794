import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { accountApi } from './account-api.ts';
import { api, type Me } from './api.ts';

// Who is signed in and in which capacity, exactly as GET /api/v1/me says: the workbench draws
// its navigation from these roles and never guesses permissions of its own.

export type WorkRole = 'unit' | 'reviewer' | 'organizer';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    // Signed out is null, an answer rather than an error (GET /api/v1/me).
    queryFn: accountApi.me,
    staleTime: 60_000,
  });
}

/** The capacities an account works in: organizer and reviewer from its grants; a unit for anyone else or anyone with a unit. */
export function workRoles(me: Me): WorkRole[] {
  const roles: WorkRole[] = [];
  if (me.roles.some((r) => r.role === 'organizer')) roles.push('organizer');
  if (me.roles.some((r) => r.role === 'reviewer')) roles.push('reviewer');
  if (me.units.length > 0 || roles.length === 0) roles.push('unit');
  return roles;
}

export function isPlatformOrganizer(me: Me): boolean {
  return me.roles.some((r) => r.role === 'organizer' && r.campaignId === null);
}

/** Where a role starts: a unit's operator at its cases, or at registering a unit when it has none yet. */
export function homeOf(role: WorkRole, me: Me): string {
  if (role === 'organizer') return '/app/org/units';
  if (role === 'reviewer') return '/app/reviews';
  return me.units.length > 0 ? '/app/cases' : '/app/unit';
}

const ROLE_KEY = 'zhengji.workRole';

interface ActiveRole {
  role: WorkRole;
  roles: WorkRole[];
  setRole: (role: WorkRole) => void;
}

const RoleContext = createContext<ActiveRole | null>(null);

export function RoleProvider({ me, children }: { me: Me; children: ReactNode }) {
  const roles = useMemo(() => workRoles(me), [me]);
  const [chosen, setChosen] = useState<string | null>(() => sessionStorage.getItem(ROLE_KEY));
  const role = roles.find((r) => r === chosen) ?? roles[0]!;
  const value = useMemo(() => ({
    role,
    roles,
    setRole: (next: WorkRole) => {
      sessionStorage.setItem(ROLE_KEY, next);
      setChosen(next);
    },
  }), [role, roles]);
  return <RoleContext.Provider value={value}>{children}</RoleContext.Provider>;
}

export function useRole(): ActiveRole {
  const value = useContext(RoleContext);
  if (!value) throw new Error('useRole outside RoleProvider');
  return value;
}

export function useSignedOut() {
  const client = useQueryClient();
  return async () => {
    await accountApi.signOut();
    api.resetCsrf();
    sessionStorage.removeItem(ROLE_KEY);
    client.clear();
    client.setQueryData(ME_KEY, null);
  };
}
