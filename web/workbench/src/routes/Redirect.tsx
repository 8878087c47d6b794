import { useEffect } from 'react';
import { useRouter } from '../router.tsx';

/** Replaces the address with `to` once rendered, so Back does not return to the redirect. */
export function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}
