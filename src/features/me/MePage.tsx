import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@/core/roles';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { ROUTES } from '@/features/session/routes';
import { SwitchIdentity } from '@/features/session/SwitchIdentity';
import { MeInboxCard } from '@/features/inbox/MeInboxCard';
import { MeVolunteerCard } from '@/features/volunteer/MeVolunteerCard';
import { MeMailboxCard } from '@/features/mailbox/MeMailboxCard';
import './me.scss';

export function MePage() {
  return <SessionGate>{(me) => <Me me={me} />}</SessionGate>;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='me__row'>
      <Text className='me__label'>{label}</Text>
      <Text className='me__value'>{value}</Text>
    </View>
  );
}

function Me({ me }: { me: ReadySession }) {
  const { staff, roles } = me;
  const isAdmin = roles.includes('admin');
  return (
    <Page className='me'>
      <Card>
        <View className='me__head'>
          <View className='me__avatar'>
            <Text>{staff.name.slice(-2)}</Text>
          </View>
          <View className='me__who'>
            <Text className='me__name'>{staff.name}</Text>
            <View className='me__roles'>
              {roles.map((r) => (
                <Text key={r} className={`badge ${r === 'staff' ? 'badge--muted' : ''}`}>
                  {ROLE_LABELS[r]}
                </Text>
              ))}
            </View>
          </View>
        </View>
        <Row label='工号' value={staff.staffNo} />
        <Row label='部门' value={staff.department} />
        {staff.branch && <Row label='支部' value={staff.branch} />}
      </Card>

      {isAdmin && (
        <Card title='管理' className='me__admin' onClick={() => void Taro.navigateTo({ url: ROUTES.adminHome })}>
          <Text className='card__text'>工作概览、人员名册与导入、投诉建议、导出台账、审计日志、单位设置、工作日历</Text>
          <Text className='me__chevron'>进入 ›</Text>
        </Card>
      )}

      <MeInboxCard />
      <MeVolunteerCard />
      <MeMailboxCard />

      <Card title='我的记录' onClick={() => void Taro.switchTab({ url: ROUTES.reading })}>
        <Text className='card__text'>学时档案在“晨读”页的“档案”中查看。</Text>
      </Card>

      <View className='me__footer'>
        <SwitchIdentity label='切换身份（演示）' />
      </View>
    </Page>
  );
}
