import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { roleLabels } from '../../shared/labels/roles';
import { activeGrantOf, useMe } from '../auth/auth.api';
import { useSuggestionList } from '../suggestion/suggestion.api';
import type { SuggestionListQuery } from '../suggestion/suggestion.types';
import { FiguresOverview } from '../figures/FiguresOverview';

function Count({ title, query, to }: { title: string; query: SuggestionListQuery; to: string }) {
  const q = useSuggestionList({ ...query, pageSize: 1 });
  return (
    <Card size="small">
      <Link to={to}>
        <Statistic groupSeparator="" title={title} value={q.data?.total ?? '—'} suffix="件" loading={q.isLoading} />
      </Link>
    </Card>
  );
}

const scopeText: Record<string, string> = {
  government_office: '本系统承办单位办理的建议',
  committee: '本委员会对口督办领域的建议',
  leader: '本级人大全部已立案建议',
};

/** 督办总览: the counts that matter to a supervisor, each a click away. */
export function SupervisionHomePage() {
  const me = useMe();
  const grant = me.data ? activeGrantOf(me.data) : undefined;
  const isGov = grant?.role === 'government_office';
  const cards: { title: string; query: SuggestionListQuery; to: string }[] = [
    ...(isGov
      ? [
          {
            title: '待交办（本系统预交办）',
            query: { status: 'registered' as const },
            to: '/supervision/suggestions?status=registered',
          },
        ]
      : []),
    { title: '办理中', query: { status: 'assigned' }, to: '/supervision/suggestions?status=assigned' },
    { title: '已超期', query: { overdue: 'true' }, to: '/supervision/suggestions?overdue=true' },
    { title: '重新办理中', query: { status: 'rehandling' }, to: '/supervision/suggestions?status=rehandling' },
    { title: '已答复待测评', query: { status: 'replied' }, to: '/supervision/suggestions?status=replied' },
    { title: '已办结', query: { status: 'closed' }, to: '/supervision/suggestions?status=closed' },
    { title: '重点处理建议', query: { isKey: 'true' }, to: '/supervision/suggestions?isKey=true' },
    { title: '办理结果不满意', query: { rating: 'unsatisfied' }, to: '/supervision/suggestions?rating=unsatisfied' },
  ];
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        督办总览
      </Typography.Title>
      {grant ? (
        <Typography.Paragraph type="secondary">
          {roleLabels[grant.role]}
          {grant.scopeName ? `（${grant.scopeName}）` : ''}：{scopeText[grant.role] ?? ''}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={6}>
            <Count {...c} />
          </Col>
        ))}
      </Row>
      <FiguresOverview />
    </div>
  );
}
