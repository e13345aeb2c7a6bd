import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { labelOf, ratingLabels } from '../../shared/labels/suggestion';
import { StatusTag } from '../../shared/ui/StatusTag';
import type { SuggestionListItem } from '../suggestion/suggestion.types';

/** One suggestion in a phone-sized list: number, title, where it stands, who handles it. */
export function SuggestionCard({ s, to }: { s: SuggestionListItem; to: string }) {
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <StatusTag status={s.status} />
          <Typography.Text type="secondary">{s.number ? s.numberLabel : formatDate(s.updatedAt)}</Typography.Text>
          {s.isKey ? <Tag color="red">重点</Tag> : null}
          {s.myRelation && s.myRelation !== 'lead' ? (
            <Tag>{s.myRelation === 'cosigner_invited' ? '邀请我联名' : '我联名的'}</Tag>
          ) : null}
        </Space>
        <Link to={to} style={{ fontSize: 16, fontWeight: 600 }}>
          {s.title}
        </Link>
        {s.units.length ? (
          <Typography.Text type="secondary">
            {s.units.map((u) => `${u.unitName}（${u.roleLabel}·${u.stateLabel}）`).join('、')}
          </Typography.Text>
        ) : null}
        {s.leadRating ? (
          <Typography.Text>我的测评：办理结果{labelOf(ratingLabels, s.leadRating)}</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
