import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import { formatBindCode } from '@/core/people/rules';
import type { BindCodeSheetRow } from '@/core/people/views';
import { localDayKey, localTimeKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { SelectInput } from '@/components/SelectInput';
import { ErrorText } from '@/components/StateView';
import { confirmAction } from '@/components/confirm';
import { isWeapp } from '@/components/platform';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import './bindcodes.scss';

/**
 * 绑定码单: after an import, codes for everyone not yet bound, one department at a time, to print
 * and cut into slips. Each new sheet replaces the codes of the people on it.
 */
export function BindCodeSheetPage() {
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '绑定码单' }]}>
      {(me) => <Sheet timeZone={me.settings.timeZone} />}
    </AdminGate>
  );
}

function Sheet({ timeZone }: { timeZone: string }) {
  const roster = useQuery('staff.list', { status: 'active' });
  const [department, setDepartment] = useState('');
  const make = useMutation('staff.bindCode.sheet');
  const [sheet, setSheet] = useState<{ items: BindCodeSheetRow[]; expiresAt: string } | null>(null);
  const departments = roster.data?.departments ?? [];

  async function generate() {
    if (make.busy) return;
    const scope = department || '全单位';
    const ok = await confirmAction(
      '生成绑定码',
      `为${scope}尚未绑定的人员生成绑定码，他们此前的绑定码将失效。`,
      '生成',
    );
    if (!ok) return;
    const res = await make.run(department ? { department } : {});
    if (res.ok) setSheet(res.data);
  }

  const until = sheet
    ? `${localDayKey(new Date(sheet.expiresAt), timeZone)} ${localTimeKey(new Date(sheet.expiresAt), timeZone)}`
    : '';
  return (
    <View className='codesheet'>
      <Card title='生成绑定码单' className='codesheet__controls'>
        <Field label='部门'>
          <SelectInput
            ariaLabel='部门'
            value={department}
            options={[{ value: '', label: '全单位' }, ...departments.map((d) => ({ value: d, label: d }))]}
            onChange={setDepartment}
          />
        </Field>
        <View className='btn-row'>
          <Button className='btn btn--primary' disabled={make.busy} onClick={() => void generate()}>
            {make.busy ? '正在生成…' : '生成绑定码'}
          </Button>
          {sheet && !isWeapp && (
            <Button className='btn' onClick={() => window.print()}>
              打印
            </Button>
          )}
        </View>
        <ErrorText message={make.error?.message} />
      </Card>
      {sheet && (
        <View className='codesheet__slips'>
          {sheet.items.map((row) => (
            <View key={row.staffId} className='codesheet__slip'>
              <Text className='codesheet__who'>
                {row.name} · {row.staffNo} · {row.department}
              </Text>
              <Text className='codesheet__code'>{formatBindCode(row.code)}</Text>
              <Text className='codesheet__how'>
                打开“同心”小程序 → 绑定工号，填写工号、姓名和上面的绑定码。{until}前有效，只能使用一次。
              </Text>
            </View>
          ))}
        </View>
      )}
      {sheet && isWeapp && <Text className='card__text'>请在电脑浏览器中打开本页打印；手机上可逐条截图发送。</Text>}
      {!sheet && (
        <Text className='card__text codesheet__note'>
          {roster.data ? `在职 ${roster.data.total} 人。` : ''}绑定码只显示一次，请生成后当场打印或发放。
        </Text>
      )}
      {sheet === null && roster.error && <ErrorText message={roster.error.message} />}
      {sheet && sheet.items.length === 0 && <Text className='card__text'>没有尚未绑定的人员。</Text>}
    </View>
  );
}
