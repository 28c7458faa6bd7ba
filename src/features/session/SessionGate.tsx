import { type ReactNode, useEffect } from 'react';
import type { Role } from '@/core/roles';
import { hasAnyRole } from '@/core/roles';
import { StateView } from '@/components/StateView';
import { loadSession, type ReadySession } from './session';
import { relaunch, useSession } from './useSession';
import { ROUTES } from './routes';
import { SwitchIdentity } from './SwitchIdentity';

interface SessionGateProps {
  /** Any one of these roles opens the page (admin opens everything). The server checks again. */
  roles?: readonly Role[];
  children: (me: ReadySession) => ReactNode;
}

/** Wraps every page that needs a bound, active member; sends everyone else where they belong. */
export function SessionGate({ roles = [], children }: SessionGateProps) {
  const state = useSession();

  useEffect(() => {
    if (state.kind === 'needLogin') relaunch(ROUTES.login);
    if (state.kind === 'unbound') relaunch(ROUTES.bind);
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
    case 'needLogin':
    case 'unbound':
      return <StateView kind='loading' />;
    case 'error':
      return (
        <StateView kind='error' message={state.message} onRetry={() => void loadSession(true)}>
          <SwitchIdentity />
        </StateView>
      );
    case 'inactive':
      return (
        <StateView kind='blocked' title='账号已停用' message='账号已停用，请联系办公室'>
          <SwitchIdentity />
        </StateView>
      );
    case 'ready':
      if (!hasAnyRole(state.me.roles, roles)) {
        return <StateView kind='blocked' title='没有权限' message='此页面仅对相应角色开放' />;
      }
      return <>{children(state.me)}</>;
  }
}
