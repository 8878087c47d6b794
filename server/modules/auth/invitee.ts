import { maskEmail } from '../../../core/auth/mask-email.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from './actor.ts';
import { normalizeEmail } from './auth.service.ts';

/**
 * Lets only the account whose verified address an invitation was mailed to accept it: a link
 * forwarded, or opened by someone else signed in on the same browser, is refused with the
 * invited address masked, and stays usable for the person it was meant for.
 */
export function assertInvitee(actor: Actor, invitedEmail: string): void {
  if (!actor.emailVerified) throw new AppError('email_not_verified');
  if (normalizeEmail(actor.email) !== normalizeEmail(invitedEmail)) {
    throw new AppError('invitation_for_other_address', { invitee: maskEmail(invitedEmail) });
  }
}
