import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../shared/format/date';
import type { TimelineEvent } from './suggestion.detail.types';

const colorOf = (action: string): string => {
  if (/declined|returned|rejected|refused|rehandling/.test(action)) return 'red';
  if (/closed|sent|registered|accepted|granted|confirmed/.test(action)) return 'green';
  return 'blue';
};

/** 办理记录: every step with who did it and when. */
export function SuggestionTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <Typography.Text type="secondary">暂无办理记录</Typography.Text>;
  return (
    <Timeline
      items={events.map((e) => ({
        color: colorOf(e.action),
        children: (
          <>
            <Typography.Text strong>{e.label}</Typography.Text>
            {e.actorName ? <Typography.Text type="secondary">　{e.actorName}</Typography.Text> : null}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
          </>
        ),
      }))}
    />
  );
}
