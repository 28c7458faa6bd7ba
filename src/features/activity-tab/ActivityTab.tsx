import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/Page';
import { ActivitySegment } from '@/features/activity/ActivitySegment';
import { SessionGate } from '@/features/session/SessionGate';
import { VolunteerSegment } from '@/features/volunteer/VolunteerSegment';
import './activity-tab.scss';

type Segment = 'volunteer' | 'activity';

const SEGMENTS: { value: Segment; label: string }[] = [
  { value: 'volunteer', label: '志愿服务' },
  { value: 'activity', label: '文体活动' },
];

// The chosen segment survives switching tabs (a tab page cannot take query parameters on weapp).
let lastSegment: Segment = 'volunteer';

/** The 活动 tab: two segments, 志愿服务 and 文体活动 (DESIGN.md §3). */
export function ActivityTab() {
  const [segment, setSegment] = useState<Segment>(lastSegment);
  const choose = (value: Segment) => {
    lastSegment = value;
    setSegment(value);
  };
  return (
    <SessionGate>
      {(me) => (
        <Page>
          <View className='segments'>
            {SEGMENTS.map((s) => (
              <Text
                key={s.value}
                className={`segments__item ${s.value === segment ? 'is-active' : ''}`}
                onClick={() => choose(s.value)}
              >
                {s.label}
              </Text>
            ))}
          </View>
          {segment === 'volunteer' ? <VolunteerSegment me={me} /> : <ActivitySegment me={me} />}
        </Page>
      )}
    </SessionGate>
  );
}
