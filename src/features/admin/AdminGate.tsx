import type { ReactNode } from 'react';
import { Breadcrumb, type Crumb } from '@/components/Breadcrumb';
import { Page } from '@/components/Page';
import { ROUTES } from '@/features/session/routes';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';

const ADMIN = ['admin'] as const;

/** Where every administration page starts: 我的 › 管理. */
export const ADMIN_TRAIL: readonly Crumb[] = [
  { label: '我的', url: ROUTES.me },
  { label: '管理', url: ROUTES.adminHome },
];

/**
 * Admin pages: bound, active and admin (the server enforces the same on every action), all in the one
 * wide desktop column, with their breadcrumb. A page whose last crumb is only known once it has
 * loaded (a member's name) leaves `trail` out and shows its own `Breadcrumb`.
 */
export function AdminGate({
  trail,
  children,
}: {
  trail?: readonly Crumb[];
  children: (me: ReadySession) => ReactNode;
}) {
  return (
    <SessionGate roles={ADMIN}>
      {(me) => (
        <Page wide>
          {trail && <Breadcrumb trail={trail} />}
          {children(me)}
        </Page>
      )}
    </SessionGate>
  );
}
