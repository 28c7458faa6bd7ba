import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { formatBindCode } from '@/core/people/rules';
import type { StaffAdminView } from '@/core/people/views';
import { localDayKey, localTimeKey } from '@/core/time';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';

/**
 * The one-time code an unbound entry binds with (required for entries with a role, and for all when
 * the unit says so). Shown once here: only a hash is kept, so a lost code means issuing a new one.
 */
const until = (iso: string, timeZone: string) =>
  `${localDayKey(new Date(iso), timeZone)} ${localTimeKey(new Date(iso), timeZone)}`;

export function BindCodePanel({ staff, timeZone }: { staff: StaffAdminView; timeZone: string }) {
  const issue = useMutation('staff.bindCode.issue');
  const [shown, setShown] = useState<{ code: string; expiresAt: string } | null>(null);
  if (staff.bound || !staff.active) return null;

  async function make() {
    if (issue.busy) return;
    if (
      staff.bindCodeExpiresAt &&
      !(await confirmAction('重新发放', '旧的绑定码将立即失效。确定重新发放？', '重新发放'))
    )
      return;
    const res = await issue.run({ staffId: staff.id });
    if (res.ok) setShown({ code: res.data.code, expiresAt: res.data.expiresAt });
  }

  return (
    <Card title='绑定码'>
      {shown ? (
        <View className='bindcode'>
          <Text className='bindcode__code' selectable>
            {formatBindCode(shown.code)}
          </Text>
          <Text className='card__text'>
            请当面或通过可靠渠道交给{staff.name}本人，{until(shown.expiresAt, timeZone)}
            前有效，只能使用一次。离开本页后不再显示。
          </Text>
          <Button
            className='btn btn--small'
            onClick={() =>
              void Taro.setClipboardData({ data: formatBindCode(shown.code) }).then(
                () => toast('已复制'),
                () => undefined,
              )
            }
          >
            复制绑定码
          </Button>
        </View>
      ) : (
        <View>
          <Text className='card__text'>
            {staff.bindCodeExpiresAt
              ? `已发放绑定码，${until(staff.bindCodeExpiresAt, timeZone)}前有效。`
              : '尚未绑定。担任书记、组织者或管理员的人员须凭绑定码绑定。'}
          </Text>
          <View className='btn-row'>
            <Button className='btn' disabled={issue.busy} onClick={() => void make()}>
              {staff.bindCodeExpiresAt ? '重新发放绑定码' : '发放绑定码'}
            </Button>
          </View>
        </View>
      )}
      <ErrorText message={issue.error?.message} />
    </Card>
  );
}
