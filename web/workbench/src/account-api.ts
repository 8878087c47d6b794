import type { Locale } from '../../../core/i18n/locale.ts';
import type { currentAccountResponse, meResponse, verifyEmailResponse } from '../../../core/api/auth.ts';
import type { statusResponse } from '../../../core/api/envelope.ts';
import type { organizationResponse } from '../../../core/api/organizations.ts';
import type { reviewerJoinedResponse, reviewerProfileResponse } from '../../../core/api/people.ts';
import { api } from './api.ts';
import type { Answer, ReviewerProfile } from './api-types.ts';

// Typed calls for the account routes (server/modules/auth, accounts, reviewers): signing up and
// in, the caller's own settings and reviewer profile, and accepting invitations. Each answer's
// type is inferred from the schema its route answers with (core/api/).

type Status = Answer<typeof statusResponse>;
/** Where a link in a mail leads back to after signing in (checked by the server). */
type Next = { next?: string };

export const accountApi = {
  /** The signed-in account, or null when signed out. */
  me: async () => (await api.get<Answer<typeof currentAccountResponse>>('/api/v1/me')).data,
  signIn: async (input: { email: string; password: string }) => (await api.post<Answer<typeof meResponse>>('/api/v1/auth/sign-in', input)).data,
  signOut: () => api.post<null>('/api/v1/auth/sign-out'),
  signUp: (input: { email: string; password: string; displayName: string; locale: Locale } & Next) => api.post<Status>('/api/v1/auth/sign-up', input),
  verifyEmail: (token: string) => api.post<Answer<typeof verifyEmailResponse>>('/api/v1/auth/verify-email', { token }),
  resendVerification: (input: { email: string } & Next) => api.post<Status>('/api/v1/auth/verify-email/resend', input),
  requestPasswordReset: (input: { email: string }) => api.post<Status>('/api/v1/auth/password-reset', input),
  resetPassword: (input: { token: string; password: string }) => api.post<Status>('/api/v1/auth/password-reset/confirm', input),

  saveSettings: (input: { displayName: string; locale: Locale }) => api.put<Status>('/api/v1/me', input),
  changePassword: (input: { currentPassword: string; newPassword: string }) => api.post<Status>('/api/v1/me/password', input),

  reviewerProfile: async () => (await api.get<Answer<typeof reviewerProfileResponse>>('/api/v1/me/reviewer-profile')).data,
  saveReviewerProfile: async (input: ReviewerProfile) => (await api.put<Answer<typeof reviewerProfileResponse>>('/api/v1/me/reviewer-profile', input)).data,

  /** Join a unit; the answer is the unit. */
  acceptUnitInvitation: async (token: string) => (await api.post<Answer<typeof organizationResponse>>('/api/v1/organization-invitations/accept', { token })).data,
  /** Become a reviewer of a campaign. */
  acceptReviewerInvitation: (token: string) => api.post<Answer<typeof reviewerJoinedResponse>>('/api/v1/reviewer-invitations/accept', { token }),
};
