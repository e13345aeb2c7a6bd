import { Empty, List, Space, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../shared/format/date';
import type { SuggestionDetail } from './suggestion.detail.types';

const small = { fontSize: 12 };

/** 沟通记录: what the units recorded of their contacts with the deputy. */
export function ContactList({ s }: { s: SuggestionDetail }) {
  if (s.contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无沟通记录" />;
  return (
    <List
      dataSource={s.contacts}
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <Space wrap size={4}>
              <Typography.Text strong>{formatDate(c.contactedOn)}</Typography.Text>
              <Tag>{c.phaseLabel}</Tag>
              <Tag>{c.kindLabel}</Tag>
              <Typography.Text type="secondary">{c.unitName}</Typography.Text>
            </Space>
            <Typography.Text className="lx-body-text">{c.summary}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 测评: the deputy's ratings (back to back: names only for the office and the deputies). */
export function RatingList({ s }: { s: SuggestionDetail }) {
  if (s.ratings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未测评" />;
  // Several letters (separate handling, or a re-handled reply): say which one each rating is of.
  const several = s.replies.filter((r) => r.state === 'sent').length > 1;
  const ratedLetter = (replyId: number) => {
    const reply = s.replies.find((x) => x.id === replyId);
    if (!several || !reply) return null;
    return `对${reply.unitName}${reply.round > 0 ? `重新办理第${reply.round}轮` : ''}答复`;
  };
  return (
    <List
      dataSource={s.ratings}
      renderItem={(r) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <Space wrap size={4}>
              {ratedLetter(r.replyId) ? <Typography.Text>{ratedLetter(r.replyId)}</Typography.Text> : null}
              {r.deputyName ? (
                <Typography.Text strong>
                  {r.deputyName}
                  {r.isLeadDeputy ? '（领衔）' : ''}
                </Typography.Text>
              ) : null}
              {r.mine ? <Tag color="blue">我的测评</Tag> : null}
              <Tag color={r.attitude === 'unsatisfied' ? 'red' : 'green'}>办理态度：{r.attitudeLabel}</Tag>
              <Tag color={r.result === 'unsatisfied' ? 'red' : 'green'}>办理结果：{r.resultLabel}</Tag>
              <Typography.Text type="secondary" style={small}>
                {formatDateTime(r.ratedAt)}
              </Typography.Text>
            </Space>
            {r.comment ? <Typography.Text>{r.comment}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 会办意见 sent to the lead unit. */
export function OpinionList({ s }: { s: SuggestionDetail }) {
  if (s.opinions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无会办意见" />;
  return (
    <List
      dataSource={s.opinions}
      renderItem={(o) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <Space wrap size={4}>
              <Typography.Text strong>{o.unitName}</Typography.Text>
              <Typography.Text type="secondary">{formatDate(o.sentAt)}</Typography.Text>
              {o.onTime ? null : <Tag color="red">逾期</Tag>}
            </Space>
            <Typography.Text className="lx-body-text">{o.body}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 调整申请 and 延期申请 with their rulings. */
export function RequestList({ s }: { s: SuggestionDetail }) {
  const rows = [
    ...s.reassignmentRequests.map((r) => ({
      key: `r${r.id}`,
      kind: '调整申请',
      who: `${r.requesterName}（${r.requesterKind === 'deputy' ? '代表' : '承办单位'}）`,
      text: r.reason,
      status: r.status,
      statusLabel: r.statusLabel,
      ruling: r.rulingReason,
      at: r.createdAt,
    })),
    ...s.extensionRequests.map((e) => ({
      key: `e${e.id}`,
      kind: `延期申请（至${formatDate(e.requestedDue)}）`,
      who: e.unitName,
      text: e.reason,
      status: e.status,
      statusLabel: e.statusLabel,
      ruling: e.rulingReason,
      at: e.createdAt,
    })),
  ];
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无调整或延期申请" />;
  return (
    <List
      dataSource={rows}
      renderItem={(r) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <Space wrap size={4}>
              <Typography.Text strong>{r.kind}</Typography.Text>
              <Typography.Text type="secondary">{r.who}</Typography.Text>
              <Tag
                color={
                  r.status === 'pending'
                    ? 'orange'
                    : r.status === 'accepted' || r.status === 'granted'
                      ? 'green'
                      : 'red'
                }
              >
                {r.statusLabel}
              </Tag>
              <Typography.Text type="secondary" style={small}>
                {formatDate(r.at)}
              </Typography.Text>
            </Space>
            <Typography.Text>理由：{r.text}</Typography.Text>
            {r.ruling ? <Typography.Text type="secondary">答复：{r.ruling}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
