import { Tag } from 'antd';
import { labelOf, standingColors, standingLabels, type DeadlineStanding } from '../../shared/labels/suggestion';
import { describePeriod, useRules } from './rules.api';

/**
 * Where a unit's part stands against its due date. The two escalation marks name the
 * congress's own periods (超过3个月未答复, 超过6个月法定时限 by default), never a literal.
 */
export function StandingTag({ standing, style }: { standing: DeadlineStanding; style?: React.CSSProperties }) {
  const rules = useRules().data?.rules;
  let label = labelOf(standingLabels, standing);
  if (rules && standing === 'past_reply_due') label = `超过${describePeriod(rules.replyWithin)}未答复`;
  if (rules && standing === 'past_latest_due') label = `超过${describePeriod(rules.replyLatestWithin)}法定时限`;
  return (
    <Tag color={standingColors[standing]} style={style}>
      {label}
    </Tag>
  );
}
