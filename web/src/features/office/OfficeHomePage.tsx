import { Card, Col, Row, Statistic, Typography } from 'antd';
import { lazy } from 'react';
import { Link } from 'react-router';
import { Lazy } from '../../shared/ui/Lazy';
import { useSuggestionList } from '../suggestion/suggestion.api';
import type { SuggestionListQuery } from '../suggestion/suggestion.types';
import { useRequestQueues } from './requests.api';

// The dashboard brings ECharts: its own chunk, loaded after the work queue shows.
const FiguresDashboard = lazy(() => import('../figures/FiguresDashboard'));

function CountCard({ title, query, to }: { title: string; query: SuggestionListQuery; to: string }) {
  const q = useSuggestionList({ ...query, pageSize: 1 });
  return (
    <Card size="small">
      <Link to={to}>
        <Statistic groupSeparator="" title={title} value={q.data?.total ?? '—'} suffix="件" loading={q.isLoading} />
      </Link>
    </Card>
  );
}

/** 工作台: what is waiting for the office today. */
export function OfficeHomePage() {
  const queues = useRequestQueues('pending');
  const cards: { title: string; query: SuggestionListQuery; to: string }[] = [
    { title: '待审核立案', query: { status: 'submitted' }, to: '/office/review' },
    { title: '已立案待交办', query: { status: 'registered' }, to: '/office/assign' },
    { title: '办理中', query: { status: 'assigned' }, to: '/office/suggestions?status=assigned' },
    { title: '已超期', query: { overdue: 'true' }, to: '/office/deadlines' },
    { title: '已答复待测评', query: { status: 'replied' }, to: '/office/suggestions?status=replied' },
    { title: '重新办理中', query: { status: 'rehandling' }, to: '/office/suggestions?status=rehandling' },
    { title: '已办结', query: { status: 'closed' }, to: '/office/suggestions?status=closed' },
    { title: '重点处理建议', query: { isKey: 'true' }, to: '/office/suggestions?isKey=true' },
  ];
  return (
    <div className="lx-page">
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        工作台
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} md={6}>
            <CountCard {...c} />
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to="/office/requests">
              <Statistic
                groupSeparator=""
                title="待处理调整申请"
                value={queues.reassignments.data?.total ?? '—'}
                suffix="件"
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to="/office/requests?tab=extensions">
              <Statistic
                groupSeparator=""
                title="待处理延期申请"
                value={queues.extensions.data?.total ?? '—'}
                suffix="件"
              />
            </Link>
          </Card>
        </Col>
      </Row>
      <Lazy>
        <FiguresDashboard />
      </Lazy>
    </div>
  );
}
