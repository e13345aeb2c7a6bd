import { Breadcrumb, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { formatSuggestionNumber } from '../../shared/format/number';
import { assignmentRoleLabels, labelOf, ratingLabels } from '../../shared/labels/suggestion';
import { QueryState } from '../../shared/ui/QueryState';
import { usePublicSuggestion } from './portal.api';

export function PortalDetail() {
  const id = Number(useParams().id);
  const q = usePublicSuggestion(id);
  const s = q.data;

  return (
    <div className="lx-page-narrow" style={{ maxWidth: 960 }}>
      <Breadcrumb items={[{ title: <Link to="/portal">公开建议</Link> }, { title: '建议详情' }]} style={{ marginBottom: 12 }} />
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {s ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Typography.Text type="secondary">
                {s.sessionName} {formatSuggestionNumber(s.number, s.period)}
              </Typography.Text>
              <Typography.Title level={3} style={{ marginTop: 8 }}>
                {s.title}
              </Typography.Title>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label="领衔代表">
                  {s.leadDeputyName}
                  {s.delegationName ? `（${s.delegationName}）` : ''}
                </Descriptions.Item>
                {s.coSignerNames.length ? <Descriptions.Item label="联名代表">{s.coSignerNames.join('、')}</Descriptions.Item> : null}
                <Descriptions.Item label="类别">{s.categoryName}</Descriptions.Item>
                <Descriptions.Item label="承办单位">
                  {s.units.map((u) => `${u.name}（${labelOf(assignmentRoleLabels, u.role)}）`).join('、') || '—'}
                </Descriptions.Item>
                {s.rating ? (
                  <Descriptions.Item label="代表测评">
                    办理态度{ratingLabels[s.rating.attitude]}，办理结果{ratingLabels[s.rating.result]}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <Typography.Paragraph className="lx-body-text" style={{ marginTop: 12 }}>
                {s.body}
              </Typography.Paragraph>
            </Card>
            <Card title="办理答复">
              {s.replies.length === 0 ? <Empty description="尚未公开答复" /> : null}
              {s.replies.map((r, i) => (
                <div key={i} style={{ marginBottom: 24 }}>
                  <Space wrap>
                    <Typography.Text strong>{r.unitName}</Typography.Text>
                    <Tag color="blue">{r.classCode}</Tag>
                    {r.docNumber ? <Typography.Text type="secondary">{r.docNumber}</Typography.Text> : null}
                    <Typography.Text type="secondary">{formatDate(r.sentAt)}</Typography.Text>
                  </Space>
                  <div className="lx-letter" style={{ marginTop: 8 }}>
                    {r.body}
                  </div>
                </div>
              ))}
            </Card>
          </Space>
        ) : null}
      </QueryState>
    </div>
  );
}
