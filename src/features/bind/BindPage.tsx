import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { bindFormCheck } from '@/core/people/rules';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { currentSession, loadSession, resetSession } from '@/features/session/session';
import { relaunch, useSession } from '@/features/session/useSession';
import { ROUTES } from '@/features/session/routes';
import { SwitchIdentity } from '@/features/session/SwitchIdentity';
import './bind.scss';

/** The only page an identified but unbound person can use. */
export function BindPage() {
  const state = useSession();

  useEffect(() => {
    if (state.kind === 'needLogin') relaunch(ROUTES.login);
    if (state.kind === 'ready') relaunch(ROUTES.home);
  }, [state.kind]);

  if (state.kind === 'unbound') return <BindForm />;
  if (state.kind === 'error') {
    return (
      <StateView kind='error' message={state.message} onRetry={() => void loadSession(true)}>
        <SwitchIdentity />
      </StateView>
    );
  }
  if (state.kind === 'inactive') {
    return <StateView kind='blocked' title='账号已停用' message='账号已停用，请联系办公室' />;
  }
  return <StateView kind='loading' />;
}

/** The unit's settings as the unbound session knows them (null before it has loaded). */
function currentSettings() {
  const state = currentSession();
  return state.kind === 'unbound' ? state.me.settings : null;
}

function BindForm() {
  const [staffNo, setStaffNo] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  // Entries holding a role (or, by the unit's setting, all) need the code an admin issued.
  const [withCode, setWithCode] = useState(() => currentSettings()?.bindCodeRequired ?? false);
  const form = useFormErrors();
  const errors = form.errors;
  const bind = useMutation('staff.bind');

  async function submit() {
    const checked = bindFormCheck({ staffNo, name });
    if (Object.keys(checked.errors).length > 0) {
      form.show(checked.errors);
      return;
    }
    form.clear();
    const res = await bind.run({ ...checked.input, ...(withCode && code.trim() ? { code } : {}) });
    if (res.ok) {
      // The cached session still says "unbound": forget it before the home page asks.
      resetSession();
      relaunch(ROUTES.home);
    } else if (res.error.details?.rule === 'bindCode') {
      setWithCode(true);
      form.show({ code: res.error.message });
    } else {
      form.show(serverFieldErrors(res.error));
    }
  }

  return (
    <Page className='bind'>
      <View className='bind__hero'>
        <Text className='bind__title'>绑定工号</Text>
        <Text className='bind__lead'>首次使用请填写单位名册中的工号和姓名，核对无误后即可使用“同心”。</Text>
      </View>
      <Card>
        <Field label='工号' error={errors.staffNo} hint='例如 T0031，字母不区分大小写'>
          <Input
            className='field__input'
            value={staffNo}
            placeholder='请输入工号'
            maxlength={32}
            onInput={(e) => {
              setStaffNo(e.detail.value);
              form.edited('staffNo');
            }}
          />
        </Field>
        <Field label='姓名' error={errors.name}>
          <Input
            className='field__input'
            value={name}
            placeholder='请输入姓名'
            maxlength={32}
            onInput={(e) => {
              setName(e.detail.value);
              form.edited('name');
            }}
          />
        </Field>
        {withCode ? (
          <Field
            label='绑定码'
            error={errors.code}
            hint='由单位管理员发放，10 位字母和数字，72 小时内有效，只能使用一次'
          >
            <Input
              className='field__input'
              value={code}
              placeholder='例如 ABCD-EFGH-JK'
              maxlength={32}
              onInput={(e) => {
                setCode(e.detail.value);
                form.edited('code');
              }}
            />
          </Field>
        ) : (
          <Text className='bind__code-link' onClick={() => setWithCode(true)}>
            我有绑定码
          </Text>
        )}
        <ErrorText message={errors['']} />
        <Button className='btn btn--primary btn--block' disabled={bind.busy} onClick={() => void submit()}>
          {bind.busy ? '正在绑定…' : '绑定'}
        </Button>
        <Text className='field__hint bind__note'>
          工号与姓名连续填错 5 次，需等待 1 小时后再试。如有疑问请联系办公室。
        </Text>
      </Card>
      <SwitchIdentity label='换一个演示身份' />
    </Page>
  );
}
