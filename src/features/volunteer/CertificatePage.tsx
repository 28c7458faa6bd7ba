import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isWeapp } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { VolunteerCertificate } from '@/core/volunteer/contract';
import { localYear } from '@/core/volunteer/rules';
import { starTitle } from '@/core/volunteer/stars';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import './certificate.scss';
import { serverNow } from '@/features/session/session';

/** A printable certificate of a year's confirmed volunteer service (H5: the browser's print). */
export function CertificatePage() {
  const asked = Number(useRouter()?.params?.year);
  return (
    <SessionGate>
      {(me) => (
        <Certificate
          year={
            Number.isInteger(asked) && asked > 2000 ? asked : localYear(serverNow().toISOString(), me.settings.timeZone)
          }
        />
      )}
    </SessionGate>
  );
}

function Certificate({ year }: { year: number }) {
  const q = useQuery('volunteer.certificate', { year });
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  return <CertificateSheet data={q.data} />;
}

function dateCn(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

// One string, so that no line break of the markup can take the space around a number.
function lead({ person, year, items, totalHours }: VolunteerCertificate): string {
  return (
    `兹证明 ${person.name}（工号 ${person.staffNo}，${person.department}）于 ${year} 年参加志愿服务 ` +
    `${items.length} 次，经组织者确认的服务时长共计 ${totalHours} 小时。明细如下：`
  );
}

/** The star level as of the day of issue (every year's confirmed hours), and what the next needs. */
function standing({ stars, cumulativeHours, hoursToNextStar }: VolunteerCertificate): string {
  const level = stars > 0 ? `星级：${starTitle(stars)}` : '星级：尚未评星';
  const next = hoursToNextStar === null ? '已达最高星级' : `距${starTitle(stars + 1)}尚差 ${hoursToNextStar} 小时`;
  return `截至出具日，历年累计服务时长 ${cumulativeHours} 小时，${level}（${next}）。`;
}

export function CertificateSheet({ data }: { data: VolunteerCertificate }) {
  return (
    <View className='cert'>
      <View className='cert__sheet'>
        <Text className='cert__title'>志愿服务证明</Text>
        <Text className='cert__lead'>{lead(data)}</Text>
        <View className='cert__table'>
          <View className='cert__row cert__row--head'>
            <Text className='cert__cell cert__cell--date'>日期</Text>
            <Text className='cert__cell cert__cell--title'>服务项目</Text>
            <Text className='cert__cell cert__cell--place'>地点</Text>
            <Text className='cert__cell cert__cell--hours'>小时</Text>
          </View>
          {data.items.length === 0 && (
            <View className='cert__row'>
              <Text className='cert__cell'>本年度暂无已确认的服务记录</Text>
            </View>
          )}
          {data.items.map((item, i) => (
            <View key={`${item.date}-${i}`} className='cert__row'>
              <Text className='cert__cell cert__cell--date'>{item.date}</Text>
              <Text className='cert__cell cert__cell--title'>
                {item.title}
                {item.team ? `（${item.team}）` : ''}
              </Text>
              <Text className='cert__cell cert__cell--place'>{item.place}</Text>
              <Text className='cert__cell cert__cell--hours'>{item.hours}</Text>
            </View>
          ))}
        </View>
        <Text className='cert__standing'>{standing(data)}</Text>
        <Text className='cert__note'>
          服务记录依据《志愿服务记录与证明出具办法》（民政部令第67号）出具，服务时长不含往返路途时间。
        </Text>
        <View className='cert__sign'>
          <View className='cert__seal' aria-label='盖章处'>
            <Text>（盖章处）</Text>
          </View>
          <Text>出具单位：{data.unitName}</Text>
          <Text>出具日期：{dateCn(data.issuedOn)}</Text>
        </View>
      </View>
      {!isWeapp && (
        <View className='cert__actions'>
          <Button className='btn btn--primary' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
    </View>
  );
}
