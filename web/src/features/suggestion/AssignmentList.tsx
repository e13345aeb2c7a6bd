import { Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format/date';
import { StandingTag } from './StandingTag';
import { DueDate } from '../../shared/ui/DueDate';
import { AssignmentStateTag } from '../../shared/ui/StatusTag';
import type { Assignment, SuggestionDetail } from './suggestion.detail.types';

function AssignmentItem({ a, showPlan }: { a: Assignment; showPlan: boolean }) {
  const open = a.state === 'pending_ack' || a.state === 'handling' || a.state === 'rehandling';
  const ended = a.state === 'ended';
  return (
    <List.Item style={{ opacity: ended ? 0.6 : 1 }}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text strong delete={ended}>
            {a.unitName}
          </Typography.Text>
          <Tag>{a.roleLabel}</Tag>
          <AssignmentStateTag state={a.state} />
          {a.standing ? <StandingTag standing={a.standing} /> : null}
        </Space>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="交办日期">{formatDate(a.assignedOn)}</Descriptions.Item>
          <Descriptions.Item
            label={a.role === 'co' ? '会办意见期限' : a.state === 'rehandling' ? '重新办理期限' : '答复期限'}
          >
            <DueDate due={a.effectiveDue} done={!open} rule={a.dueRule} />
          </Descriptions.Item>
          {a.role !== 'co' ? (
            <Descriptions.Item label="最迟答复期限">{formatDate(a.replyDueLatest)}</Descriptions.Item>
          ) : null}
          {a.extendedDue ? <Descriptions.Item label="延期至">{formatDate(a.extendedDue)}</Descriptions.Item> : null}
          {!ended ? (
            <Descriptions.Item label="调整申请截止">{formatDate(a.reassignmentWindowUntil)}</Descriptions.Item>
          ) : null}
          {a.acknowledgedAt ? <Descriptions.Item label="签收">{formatDate(a.acknowledgedAt)}</Descriptions.Item> : null}
          {a.handlerName ? (
            <Descriptions.Item label="经办人">
              {a.handlerName} {a.handlerPhone}
            </Descriptions.Item>
          ) : null}
          {a.plannedReplyOn ? (
            <Descriptions.Item label="计划答复日期">{formatDate(a.plannedReplyOn)}</Descriptions.Item>
          ) : null}
          {a.repliedAt ? (
            <Descriptions.Item label="答复日期">
              {formatDate(a.repliedAt)}
              {a.repliedOnTime === false ? '（逾期）' : ''}
            </Descriptions.Item>
          ) : null}
          {a.opinionSentAt ? (
            <Descriptions.Item label="会办意见送出">
              {formatDate(a.opinionSentAt)}
              {a.opinionOnTime === false ? '（逾期）' : ''}
            </Descriptions.Item>
          ) : null}
          {ended ? (
            <Descriptions.Item label="调整">{`${formatDate(a.endedAt)} ${a.endReason ?? ''}`}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {showPlan && a.plan ? <Typography.Text type="secondary">办理计划：{a.plan}</Typography.Text> : null}
      </Space>
    </List.Item>
  );
}

/** Which units handle it, their parts, due dates and how those were computed. */
export function AssignmentList({ s }: { s: SuggestionDetail }) {
  if (s.assignments.length === 0 && s.preAssignments.length === 0)
    return <Empty description="尚未交办" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <>
      {s.preAssignments.length > 0 && s.status === 'registered' ? (
        <Typography.Paragraph>
          预交办：{s.preAssignments.map((p) => `${p.unitName}（${p.roleLabel}）`).join('、')}
        </Typography.Paragraph>
      ) : null}
      <List dataSource={s.assignments} renderItem={(a) => <AssignmentItem a={a} showPlan />} />
    </>
  );
}
