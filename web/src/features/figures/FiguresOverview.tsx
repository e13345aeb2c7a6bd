import { Card, Col, Row, Statistic, Typography } from 'antd';
import { QueryState } from '../../shared/ui/QueryState';
import { useOverviewFigures, type OverviewFigures } from './figures.api';

interface Figure {
  title: string;
  value: number | null;
  /** '%' for shares, '件' for counts. */
  suffix: string;
  note?: string;
}

/** The headline numbers the office reports each year (domain.md part C), as the server counts them. */
function figuresOf(f: OverviewFigures): Figure[] {
  return [
    {
      title: '收到建议',
      value: f.received.inSession + f.received.betweenSessions,
      suffix: '件',
      note: `会议期间${f.received.inSession}件，闭会期间${f.received.betweenSessions}件`,
    },
    { title: '承办单位', value: f.units, suffix: '个' },
    { title: '已答复', value: f.replies.replied, suffix: '件', note: `已办结${f.replies.closed}件` },
    { title: '按时答复率', value: f.replies.onTimeShare, suffix: '%', note: `按时答复${f.replies.onTime}件` },
    { title: '三个月内答复率', value: f.replies.within3MonthsShare, suffix: '%', note: `${f.replies.within3Months}件` },
    {
      title: '会办意见按时率',
      value: f.coOpinions.onTimeShare,
      suffix: '%',
      note: `收到会办意见${f.coOpinions.sent}份`,
    },
    { title: '反馈率', value: f.feedback.shareOfReplied, suffix: '%', note: `代表已测评${f.feedback.rated}件` },
    { title: '办理态度满意率', value: f.ratings.attitudeGoodShare, suffix: '%', note: '很满意与满意合计' },
    { title: '办理结果满意率', value: f.ratings.resultGoodShare, suffix: '%', note: '很满意与满意合计' },
    {
      title: '解决或列入计划',
      value: f.classes.solvedOrPlannedShare,
      suffix: '%',
      note: `A类${f.classes.aShare ?? '—'}%，B类${f.classes.bShare ?? '—'}%，C类${f.classes.cShare ?? '—'}%`,
    },
    { title: '重新办理中', value: f.replies.rehandling, suffix: '件' },
    { title: '当前超期', value: f.replies.overdueNow, suffix: '件' },
    { title: '承诺事项跟踪中', value: f.promises.open, suffix: '项', note: `已销号${f.promises.fulfilled}项` },
  ];
}

/** 办理情况主要数字: shown on the office's and the supervisors' home pages. */
export function FiguresOverview({ sessionId }: { sessionId?: number }) {
  const q = useOverviewFigures(sessionId);
  return (
    <section aria-labelledby="figures-title" style={{ marginTop: 16 }}>
      <Typography.Title level={2} id="figures-title" style={{ fontSize: 17 }}>
        办理情况主要数字
      </Typography.Title>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Row gutter={[12, 12]}>
          {q.data
            ? figuresOf(q.data).map((f) => (
                <Col key={f.title} xs={12} md={8} lg={6}>
                  <Card size="small">
                    <Statistic
                      groupSeparator=""
                      title={f.title}
                      value={f.value ?? '—'}
                      suffix={f.value === null ? undefined : f.suffix}
                      precision={f.suffix === '%' && f.value !== null ? 1 : undefined}
                    />
                    {f.note ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {f.note}
                      </Typography.Text>
                    ) : null}
                  </Card>
                </Col>
              ))
            : null}
        </Row>
      </QueryState>
    </section>
  );
}
