import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { type QueryState, useQuery } from '@/api/hooks';
import type { ActionOutput } from '@/core/contract';
import type { ApiResult } from '@/core/errors';
import type { StaffAdminView } from '@/core/people/views';
import { ROLE_LABELS, type Role } from '@/core/roles';
import { Breadcrumb } from '@/components/Breadcrumb';
import { Card } from '@/components/Card';
import { ErrorText, StateView } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';
import { ArchivePanel } from '@/features/reading/ArchivePanel';
import { decodeParam, ROUTES } from '@/features/session/routes';
import { loadSession, type ReadySession, serverNow } from '@/features/session/session';
import { localDayKey } from '@/core/time';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { BindCodePanel } from './BindCodePanel';
import './staff.scss';

const EXTRA_ROLES: Role[] = ['secretary', 'organizer', 'admin'];

/** The roles an admin may grant, in a fixed order so that comparisons ignore click order. */
function extraRoles(values: readonly string[]): Role[] {
  return EXTRA_ROLES.filter((r) => values.includes(r));
}

export function StaffDetailPage() {
  const params = useRouter()?.params ?? {};
  const id = decodeParam(params.id);
  const no = decodeParam(params.no);
  return <AdminGate>{(me) => <StaffDetail id={id} staffNo={no} me={me} />}</AdminGate>;
}

function StaffDetail({ id, staffNo, me }: { id: string; staffNo: string; me: ReadySession }) {
  // There is no single-record action: the roster search by number (all statuses) finds the row.
  const found = useQuery('staff.list', staffNo ? { q: staffNo, status: 'all' } : null);
  const [staff, setStaff] = useState<StaffAdminView | null>(null);

  useEffect(() => {
    setStaff(found.data?.items.find((s) => s.id === id) ?? null);
  }, [found.data, id]);

  const trail = [...ADMIN_TRAIL, { label: '人员名册', url: ROUTES.adminRoster }, { label: staff?.name ?? '人员详情' }];
  return (
    <>
      <Breadcrumb trail={trail} />
      <StaffBody staffNo={staffNo} found={found} staff={staff} setStaff={setStaff} me={me} />
    </>
  );
}

interface BodyProps {
  staffNo: string;
  found: QueryState<ActionOutput<'staff.list'>>;
  staff: StaffAdminView | null;
  setStaff: (staff: StaffAdminView) => void;
  me: ReadySession;
}

function StaffBody({ staffNo, found, staff, setStaff, me }: BodyProps) {
  if (!staffNo) return <StateView kind='error' message='缺少人员编号，请从名册进入' />;
  if (found.error) return <StateView kind='error' message={found.error.message} onRetry={found.reload} />;
  if (found.loading || !found.data) return <StateView kind='loading' />;
  if (!staff) return <StateView kind='empty' title='未找到该人员' message='该人员可能已被移除或工号已变更' />;
  const thisYear = Number(localDayKey(serverNow(), me.settings.timeZone).slice(0, 4));
  return (
    <>
      <StaffEditor staff={staff} onChange={setStaff} isSelf={staff.id === me.staff.id} />
      <BindCodePanel staff={staff} timeZone={me.settings.timeZone} />
      {/* The study archive is the person's own and the admins' to see (DESIGN.md §5). */}
      <ArchivePanel thisYear={thisYear} staffId={staff.id} />
    </>
  );
}

interface EditorProps {
  staff: StaffAdminView;
  onChange: (staff: StaffAdminView) => void;
  isSelf: boolean;
}

function StaffEditor({ staff, onChange, isSelf }: EditorProps) {
  const [roles, setRoles] = useState<Role[]>(extraRoles(staff.roles));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = roles.join() !== extraRoles(staff.roles).join();

  async function run(fn: () => Promise<ApiResult<{ staff: StaffAdminView }>>, done: string) {
    setBusy(true);
    setError(null);
    const res = await fn();
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    onChange(res.data.staff);
    setRoles(extraRoles(res.data.staff.roles));
    toast(done);
    // Changing one's own roles or status changes what this session may do.
    if (isSelf) void loadSession(true);
  }

  const saveRoles = () =>
    run(() => call('staff.setRoles', { staffId: staff.id, roles: ['staff', ...roles] }), '角色已保存');
  const unbind = async () => {
    if (await confirmAction('解除绑定', `解除后，${staff.name}需要重新绑定工号才能使用。确定解除？`, '解除绑定')) {
      await run(() => call('staff.unbind', { staffId: staff.id }), '已解除绑定');
    }
  };
  const deactivate = async () => {
    if (await confirmAction('停用账号', `停用后，${staff.name}将无法使用同心，已有记录保留。确定停用？`, '停用')) {
      await run(() => call('staff.deactivate', { staffId: staff.id }), '已停用');
    }
  };
  const activate = () => run(() => call('staff.activate', { staffId: staff.id }), '已启用');

  return (
    <View className='staff'>
      <Card
        title={staff.name}
        extra={<Text className={`badge ${staff.active ? 'badge--ok' : ''}`}>{staff.active ? '在用' : '已停用'}</Text>}
      >
        <Info label='工号' value={staff.staffNo} />
        <Info label='部门' value={staff.department} />
        {staff.branch && <Info label='支部' value={staff.branch} />}
        {staff.phone && <Info label='电话' value={staff.phone} />}
        <Info
          label='绑定'
          value={staff.bound ? `已绑定${staff.boundAt ? `（${staff.boundAt.slice(0, 10)}）` : ''}` : '未绑定'}
        />
      </Card>

      <Card title='角色'>
        <Text className='card__text'>每位成员都是“{ROLE_LABELS.staff}”；可另外授予以下角色。</Text>
        <CheckboxGroup className='staff__roles' onChange={(e) => setRoles(extraRoles(e.detail.value))}>
          {EXTRA_ROLES.map((r) => (
            <Label key={r} className='staff__role'>
              <Checkbox value={r} checked={roles.includes(r)} color='#C8102E' />
              <Text>{ROLE_LABELS[r]}</Text>
            </Label>
          ))}
        </CheckboxGroup>
        <Button className='btn btn--primary' disabled={busy || !dirty} onClick={() => void saveRoles()}>
          保存角色
        </Button>
      </Card>

      <ErrorText message={error} />
      <Card title='账号'>
        <View className='btn-row'>
          {staff.bound && (
            <Button className='btn btn--danger' disabled={busy} onClick={() => void unbind()}>
              解除绑定
            </Button>
          )}
          {staff.active ? (
            <Button className='btn btn--danger' disabled={busy} onClick={() => void deactivate()}>
              停用账号
            </Button>
          ) : (
            <Button className='btn' disabled={busy} onClick={() => void activate()}>
              重新启用
            </Button>
          )}
        </View>
      </Card>
    </View>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <View className='staff__info'>
      <Text className='staff__label'>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}
