import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { call, health, isWeapp } from '@/api/client';
import { useQuery } from '@/api/hooks';
import { setToken } from '@/api/token';
import type { DemoIdentity } from '@/core/contract';
import { ROLE_LABELS } from '@/core/roles';
import type { ApiError } from '@/core/errors';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { NO_DEMO_MESSAGE, resetSession } from '@/features/session/session';
import { relaunch } from '@/features/session/useSession';
import { ROUTES } from '@/features/session/routes';
import './login.scss';

type Mode = { kind: 'checking' } | { kind: 'demo' } | { kind: 'error'; message: string };

/** Browser demo only: choose who to be. In WeChat the identity is the phone's own. */
export function LoginPage() {
  const [mode, setMode] = useState<Mode>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (isWeapp) {
      relaunch(ROUTES.home);
      return;
    }
    setMode({ kind: 'checking' });
    void health().then((h) => {
      if (!h.ok) setMode({ kind: 'error', message: h.error.message });
      else setMode(h.data.demo ? { kind: 'demo' } : { kind: 'error', message: NO_DEMO_MESSAGE });
    });
  }, [attempt]);

  if (mode.kind === 'checking') return <StateView kind='loading' />;
  if (mode.kind === 'error') {
    return <StateView kind='error' message={mode.message} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <IdentityPicker />;
}

function IdentityPicker() {
  const identities = useQuery('dev.identities', {});
  const [openid, setOpenid] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [loginError, setLoginError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function loginAs(id: string) {
    setBusy(id);
    setLoginError(null);
    setFieldError(undefined);
    const res = await call('dev.login', { openid: id });
    setBusy(null);
    if (!res.ok) {
      // The server's schema names a bad openid by field (the main package carries no schema library).
      const field = res.error.details?.fields?.find((f) => f.field === 'openid');
      if (field) setFieldError(field.message);
      else setLoginError(res.error);
      return;
    }
    setToken(res.data.token);
    resetSession();
    relaunch(ROUTES.home);
  }

  function loginCustom() {
    void loginAs(openid.trim());
  }

  return (
    <Page wide className='login'>
      <View className='login__hero'>
        <Text className='login__title'>选择演示身份</Text>
        <Text className='login__lead'>浏览器演示版：选择一位示范单位成员进入。未绑定的成员会先进入“绑定工号”。</Text>
      </View>
      <ErrorText message={loginError?.message} />
      {identities.loading && <StateView kind='loading' />}
      {identities.error && <StateView kind='error' message={identities.error.message} onRetry={identities.reload} />}
      {identities.data && (
        <View className='login__grid'>
          {identities.data.items.map((item) => (
            <IdentityCard key={item.openid} item={item} busy={busy === item.openid} onPick={loginAs} />
          ))}
        </View>
      )}
      <Card title='以新的 openid 登录'>
        <Text className='card__text'>用于体验新成员首次绑定工号（例如绑定 T0031–T0040 中未绑定的人员）。</Text>
        <Field label='openid' error={fieldError}>
          <Input
            className='field__input'
            value={openid}
            placeholder='例如 new-user-1'
            maxlength={64}
            onInput={(e) => setOpenid(e.detail.value)}
          />
        </Field>
        <Button className='btn btn--primary' disabled={busy !== null} onClick={loginCustom}>
          登录
        </Button>
      </Card>
    </Page>
  );
}

interface IdentityCardProps {
  item: DemoIdentity;
  busy: boolean;
  onPick: (openid: string) => void;
}

function IdentityCard({ item, busy, onPick }: IdentityCardProps) {
  return (
    <View className='login__item' role='button' onClick={() => !busy && onPick(item.openid)}>
      <View className='login__item-head'>
        <Text className='login__name'>{item.name}</Text>
        <Text className='login__no'>{item.staffNo}</Text>
        <Text className={`badge ${item.bound ? 'badge--ok' : 'badge--muted'}`}>{item.bound ? '已绑定' : '未绑定'}</Text>
      </View>
      <Text className='login__meta'>
        {item.department} · {item.roles.map((r) => ROLE_LABELS[r]).join('、')}
      </Text>
      {busy && <Text className='login__meta'>正在登录…</Text>}
    </View>
  );
}
