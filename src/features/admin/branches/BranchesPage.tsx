import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { ROUTES } from '@/features/session/routes';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';

/**
 * 党支部: the branches the roster names, each with its members and secretaries. The roster is
 * where they are kept (the 支部 column of an import, a member's entry); a member of a branch who
 * holds the secretary role leads that branch's reading.
 */
export function BranchesPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '党支部' }]}>{() => <Branches />}</AdminGate>;
}

function Branches() {
  const list = useQuery('staff.branches', {});
  if (list.error) return <StateView kind='error' message={list.error.message} onRetry={list.reload} />;
  if (!list.data) return <StateView kind='loading' />;
  return (
    <View className='branches'>
      <Card>
        <Text className='card__text'>
          支部来自人员名册的「支部」列（导入名册时填写）。支部成员中担任书记角色的，为该支部领学、发布本支部的晨读；未分支部的书记与管理员为全单位发布。
        </Text>
        <View className='btn-row'>
          <Button className='btn btn--small' onClick={() => void Taro.navigateTo({ url: ROUTES.adminImport })}>
            导入名册
          </Button>
          <Button className='btn btn--small' onClick={() => void Taro.navigateTo({ url: ROUTES.adminRoster })}>
            人员名册
          </Button>
        </View>
      </Card>
      {list.data.items.length === 0 ? (
        <StateView kind='empty' title='名册中还没有支部' message='未设支部时，全单位共用一篇晨读，与以往相同。' />
      ) : (
        list.data.items.map((b) => (
          <Card key={b.name} title={b.name} extra={<Text className='badge badge--muted'>{`${b.members} 人`}</Text>}>
            <Text className='card__text'>
              {b.secretaries.length > 0
                ? `书记：${b.secretaries.map((s) => `${s.name}（${s.department}）`).join('、')}`
                : '尚无书记：在人员名册中为本支部的一名成员授予「书记」角色。'}
            </Text>
          </Card>
        ))
      )}
    </View>
  );
}
