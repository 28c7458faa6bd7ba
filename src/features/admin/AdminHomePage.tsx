import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { HONOR_ROUTES } from '@/features/honor/routes';
import { ROUTES } from '@/features/session/routes';
import { ADMIN_TRAIL, AdminGate } from './AdminGate';
import { DashboardPanel } from './dashboard/DashboardPanel';

const ENTRIES = [
  { title: '人员名册', text: '查找人员，调整角色，解除绑定，停用或启用账号。', url: ROUTES.adminRoster },
  { title: '导入名册', text: '上传 Excel 或 CSV 文件（或粘贴），预览每行问题后导入。', url: ROUTES.adminImport },
  { title: '党支部', text: '名册中的各党支部、成员人数与书记；支部书记为本支部发布晨读。', url: ROUTES.adminBranches },
  { title: '绑定码单', text: '为尚未绑定的人员生成一次性绑定码，按部门打印发放。', url: ROUTES.adminBindCodes },
  { title: '单位设置', text: '时区、晨读时段、补卡规则、学习标兵门槛等。', url: ROUTES.adminSettings },
  { title: '工作日历', text: '设置节假日与调休上班日。', url: ROUTES.adminCalendar },
  { title: '好人榜评选', text: '新建评选，审核推荐，查看计票，确定入选并公示、发布。', url: HONOR_ROUTES.admin },
  { title: '投诉建议', text: '阅读来信，答复并办结；匿名来信不显示任何发信人信息。', url: ROUTES.mailboxAdmin },
  {
    title: '导出台账',
    text: '按时段导出晨读、志愿服务、好人榜、文体活动记录与创建台账（Excel）。',
    url: ROUTES.adminReports,
  },
  {
    title: '订阅消息',
    text: '配置微信订阅消息模板（晨读、活动、审核结果提醒），查看发送记录。',
    url: ROUTES.adminNotices,
  },
  { title: '审计日志', text: '谁在何时做了哪项管理操作，可按操作与人员筛选。', url: ROUTES.adminAudit },
];

export function AdminHomePage() {
  return (
    <AdminGate trail={[ADMIN_TRAIL[0], { label: '管理' }]}>
      {(me) => (
        <>
          <DashboardPanel timeZone={me.settings.timeZone} />
          {ENTRIES.map((e) => (
            <Card
              key={e.url}
              title={e.title}
              onClick={() => void Taro.navigateTo({ url: e.url })}
              extra={<Text className='muted'>›</Text>}
            >
              <Text className='card__text'>{e.text}</Text>
            </Card>
          ))}
        </>
      )}
    </AdminGate>
  );
}
