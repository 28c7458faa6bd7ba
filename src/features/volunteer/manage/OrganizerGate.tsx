import type { ReactNode } from 'react';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';

const ORGANIZER = ['organizer'] as const;

/**
 * Organizer pages (admins too): the server checks the same role on every action. Like every
 * administration page, they use the one wide desktop column.
 */
export function OrganizerGate({ children }: { children: (me: ReadySession) => ReactNode }) {
  return <SessionGate roles={ORGANIZER}>{(me) => <Page wide>{children(me)}</Page>}</SessionGate>;
}
