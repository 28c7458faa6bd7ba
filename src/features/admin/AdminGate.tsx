import type { ReactNode } from 'react';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';

const ADMIN = ['admin'] as const;

/** Admin pages: bound, active and admin. The server enforces the same on every action. */
export function AdminGate({ wide = false, children }: { wide?: boolean; children: (me: ReadySession) => ReactNode }) {
  return <SessionGate roles={ADMIN}>{(me) => <Page wide={wide}>{children(me)}</Page>}</SessionGate>;
}
