import { Button } from '@tarojs/components';
import { isWeapp } from '@/api/client';
import { logout } from './session';
import { relaunch } from './useSession';
import { ROUTES } from './routes';

/** Browser demo only: WeChat has one identity per phone, the browser may try several. */
export function SwitchIdentity({ label = '切换身份' }: { label?: string }) {
  if (isWeapp) return null;
  return (
    <Button
      className='btn btn--ghost'
      onClick={() => {
        logout();
        relaunch(ROUTES.login);
      }}
    >
      {label}
    </Button>
  );
}
