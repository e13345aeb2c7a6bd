import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format/date';
import { cosignerStatusLabels, disclosureLabels, labelOf } from '../../shared/labels/suggestion';
import { StatusTag } from '../../shared/ui/StatusTag';
import type { SuggestionDetail } from './suggestion.detail.types';

/** The suggestion as written: number, title, who, category, and the text. */
export function SuggestionOverview({ s, showBody = true }: { s: SuggestionDetail; showBody?: boolean }) {
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={4}>
        <Typography.Text type="secondary">
          {s.sessionLabel} {s.numberLabel}
        </Typography.Text>
        <StatusTag status={s.status} />
        {s.isKey ? <Tag color="red">重点处理建议</Tag> : null}
        {s.class ? <Tag color="geekblue">归类：{s.class.name}</Tag> : null}
      </Space>
      <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }}>
        {s.title}
      </Typography.Title>
      {s.status === 'returned' && s.reviewComment ? (
        <Alert type="warning" showIcon message="联工委退回修改意见" description={s.reviewComment} />
      ) : null}
      {s.status === 'declined' && s.declineReason ? (
        <Alert type="error" showIcon message="不予立案理由" description={s.declineReason} />
      ) : null}
      {s.status === 'closed' ? (
        <Alert
          type="success"
          showIcon
          message={`${formatDate(s.closedAt)}办结（${s.closeKindLabel ?? ''}）`}
          description={s.closeReason ?? undefined}
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="领衔代表">
          {s.leadDeputy.name}
          {s.delegationName ? `（${s.delegationName}）` : ''}
        </Descriptions.Item>
        {s.cosigners.length ? (
          <Descriptions.Item label="联名代表">
            {s.cosigners
              .map(
                (c) => `${c.name}${c.status === 'confirmed' ? '' : `（${labelOf(cosignerStatusLabels, c.status)}）`}`,
              )
              .join('、')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="类别">{s.categoryName ?? s.categoryCode}</Descriptions.Item>
        <Descriptions.Item label="提出时间">{s.periodLabel}</Descriptions.Item>
        {s.submittedAt ? <Descriptions.Item label="提交日期">{formatDate(s.submittedAt)}</Descriptions.Item> : null}
        {s.registeredAt ? <Descriptions.Item label="立案日期">{formatDate(s.registeredAt)}</Descriptions.Item> : null}
        {s.assignedOn ? <Descriptions.Item label="交办日期">{formatDate(s.assignedOn)}</Descriptions.Item> : null}
        {s.modeLabel ? <Descriptions.Item label="办理方式">{s.modeLabel}</Descriptions.Item> : null}
        <Descriptions.Item label="公开">
          {s.mayDisclose ? '代表同意公开' : '代表不同意公开'}，{labelOf(disclosureLabels, s.disclosure)}
        </Descriptions.Item>
      </Descriptions>
      {showBody ? (
        <Typography.Paragraph className="lx-body-text" style={{ marginBottom: 0 }}>
          {s.body}
        </Typography.Paragraph>
      ) : null}
      {s.attachments.length ? (
        <div>
          附件：
          {s.attachments.map((a) => (
            <a key={a.id} href={`/api/attachments/${a.id}`} style={{ marginRight: 12 }}>
              {a.fileName}（
              {a.sizeBytes >= 1024 * 1024
                ? `${(a.sizeBytes / 1024 / 1024).toFixed(1)}MB`
                : `${Math.max(1, Math.round(a.sizeBytes / 1024))}KB`}
              ）
            </a>
          ))}
        </div>
      ) : null}
    </Space>
  );
}
