import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../shared/ui/QueryState';
import { EChart, type ChartOption } from './EChart';
import { FigureFilters, type FigureFilterValues } from './FigureFilters';
import { UnitFiguresTable } from './UnitFiguresTable';
import {
  figureListHref,
  useDashboardFigures,
  useFigureTrends,
  type DashboardFigures,
  type FigureScopeQuery,
} from './figures.api';

type Counts = DashboardFigures['counts'];
type Shares = DashboardFigures['shares'];

interface Tile {
  title: string;
  /** The figure whose list the number opens. */
  listKey: keyof Counts;
  count: number;
  share?: { key: keyof Shares; label: string };
  note?: string;
}

const sharePct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
const pointsText = (d: number | null | undefined) =>
  d === null || d === undefined ? '' : `，比上年同期${d >= 0 ? '提高' : '下降'}${Math.abs(d).toFixed(1)}个百分点`;

function tilesOf(f: DashboardFigures): Tile[] {
  const c = f.counts;
  return [
    { title: '大会期间接收', listKey: 'receivedInSession', count: c.receivedInSession },
    { title: '闭会期间接收', listKey: 'receivedBetweenSessions', count: c.receivedBetweenSessions },
    { title: '已答复', listKey: 'replied', count: c.replied, note: `其中闭会期间${c.repliedBetweenSessions}件` },
    { title: '反馈不满意', listKey: 'unsatisfiedGiven', count: c.unsatisfiedGiven },
    { title: '已再次答复', listKey: 'repliedAgain', count: c.repliedAgain },
    { title: '仍在重新办理', listKey: 'stillRehandling', count: c.stillRehandling },
    {
      title: '反馈满意度测评',
      listKey: 'feedback',
      count: c.feedback,
      share: { key: 'feedbackOfReplied', label: '占已答复' },
    },
    {
      title: '办理态度很满意和满意',
      listKey: 'attitudeGood',
      count: c.attitudeGood,
      share: { key: 'attitudeGood', label: '占反馈' },
    },
    {
      title: '办理结果很满意和满意',
      listKey: 'resultGood',
      count: c.resultGood,
      share: { key: 'resultGood', label: '占反馈' },
    },
    { title: 'A类答复', listKey: 'classA', count: c.classA, share: { key: 'classA', label: '占分类答复' } },
    { title: 'B类答复', listKey: 'classB', count: c.classB, share: { key: 'classB', label: '占分类答复' } },
    { title: 'C类答复', listKey: 'classC', count: c.classC, share: { key: 'classC', label: '占分类答复' } },
    {
      title: '已解决、已有规定和计划解决',
      listKey: 'classAB',
      count: c.classAB,
      share: { key: 'classAB', label: '占分类答复' },
    },
    { title: '主办件', listKey: 'assignedLead', count: c.assignedLead, note: `${f.units}家承办单位` },
    { title: '会办件', listKey: 'assignedCo', count: c.assignedCo },
    {
      title: '主办件按时答复',
      listKey: 'partsRepliedOnTime',
      count: c.partsRepliedOnTime,
      share: { key: 'repliedOnTime', label: '占已答复主办件' },
    },
  ];
}

function FigureTile({ tile, f, scope }: { tile: Tile; f: DashboardFigures; scope: FigureScopeQuery }) {
  const href = figureListHref(tile.listKey, scope);
  const body = <Statistic groupSeparator="" title={tile.title} value={tile.count} suffix="件" />;
  return (
    <Card size="small" style={{ height: '100%' }}>
      {f.mayOpenLists ? (
        <Link to={href} aria-label={`${tile.title}${tile.count}件，查看清单`}>
          {body}
        </Link>
      ) : (
        body
      )}
      {tile.share ? (
        <Typography.Text style={{ fontSize: 12 }}>
          {tile.share.label}
          {sharePct(f.shares[tile.share.key])}
          {f.previous
            ? `（上年同期${sharePct(f.previous.shares[tile.share.key])}${pointsText(f.changes[tile.share.key])}）`
            : ''}
        </Typography.Text>
      ) : null}
      {tile.note ? (
        <div>
          <Typography.Text style={{ fontSize: 12 }}>{tile.note}</Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}

function ratingOption(f: DashboardFigures): ChartOption {
  const c = f.counts;
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['很满意', '满意', '基本满意'] },
    grid: { left: 64, right: 16, bottom: 24, top: 40 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ['办理态度', '办理结果'] },
    series: [
      { name: '很满意', type: 'bar', stack: 'all', data: [c.attitudeVerySatisfied, c.resultVerySatisfied] },
      { name: '满意', type: 'bar', stack: 'all', data: [c.attitudeSatisfied, c.resultSatisfied] },
      { name: '基本满意', type: 'bar', stack: 'all', data: [c.attitudeBasicallySatisfied, c.resultBasicallySatisfied] },
    ],
  } as ChartOption;
}

function classOption(f: DashboardFigures): ChartOption {
  const codes = Object.keys(f.classes);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 24, top: 16 },
    xAxis: { type: 'category', data: codes },
    yAxis: { type: 'value' },
    series: [{ name: '答复件数', type: 'bar', data: codes.map((c) => f.classes[c] ?? 0) }],
  } as ChartOption;
}

function TrendChart({ scope }: { scope: FigureScopeQuery }) {
  const q = useFigureTrends(scope);
  const option = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const points = q.data.points;
    const line = (name: string, pick: (s: Shares) => number | null) => ({
      name,
      type: 'line' as const,
      data: points.map((p) => pick(p.shares)),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['反馈率', '态度满意率', '结果满意率', 'A+B类'] },
      grid: { left: 40, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: points.map((p) => p.cohortLabel) },
      yAxis: { type: 'value', max: 100 },
      series: [
        line('反馈率', (s) => s.feedbackOfReplied),
        line('态度满意率', (s) => s.attitudeGood),
        line('结果满意率', (s) => s.resultGood),
        line('A+B类', (s) => s.classAB),
      ],
    } as ChartOption;
  }, [q.data]);
  const summary = q.data
    ? q.data.points.map((p) => `${p.cohortLabel}反馈率${sharePct(p.shares.feedbackOfReplied)}`).join('；')
    : '';
  return (
    <Card size="small" title="历年趋势（距开幕同样天数）">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {option ? <EChart option={option} label={`历年趋势：${summary}`} /> : null}
      </QueryState>
    </Card>
  );
}

/** 办理情况统计 on the office's home: every figure of the annual report, each opening its list. */
export default function FiguresDashboard() {
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [filters, setFilters] = useState<FigureFilterValues>({});
  const scope: FigureScopeQuery = useMemo(() => ({ ...filters, asOf }), [filters, asOf]);
  const exportQuery = new URLSearchParams(
    Object.entries(scope).filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  const q = useDashboardFigures(scope);
  const f = q.data;
  const pinned: FigureScopeQuery = f ? { ...scope, asOf: f.asOf } : scope;
  return (
    <section aria-labelledby="dashboard-title" style={{ marginTop: 16 }}>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} id="dashboard-title" style={{ fontSize: 17, margin: 0 }}>
          办理情况统计{f ? `：${f.cohortLabel}，截至${dayjs(f.asOf).format('YYYY年M月D日')}` : ''}
        </Typography.Title>
        <DatePicker
          aria-label="统计截至日"
          placeholder="统计截至日"
          allowClear
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        <Button href={`/api/figures/report.docx${asOf ? `?asOf=${asOf}` : ''}`}>下载年度督办汇报（Word）</Button>
        {/* The current session's suggestions as registered today: the day picked above changes nothing in it. */}
        <Button href="/api/figures/topic-analysis.docx">下载会后建议分析（Word）</Button>
        <Button icon={<DownloadOutlined />} href={`/api/figures/export${exportQuery ? `?${exportQuery}` : ''}`}>
          导出统计数字（Excel）
        </Button>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <FigureFilters value={filters} onChange={setFilters} />
      </div>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {f ? (
          <>
            <Row gutter={[12, 12]}>
              {tilesOf(f).map((t) => (
                <Col key={t.title} xs={12} md={8} lg={6}>
                  <FigureTile tile={t} f={f} scope={pinned} />
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              <Col xs={24} lg={12}>
                <Card size="small" title="满意度（反馈满意度测评的建议）">
                  <EChart
                    option={ratingOption(f)}
                    label={`办理态度很满意${f.counts.attitudeVerySatisfied}件、满意${f.counts.attitudeSatisfied}件、基本满意${f.counts.attitudeBasicallySatisfied}件；办理结果很满意${f.counts.resultVerySatisfied}件、满意${f.counts.resultSatisfied}件、基本满意${f.counts.resultBasicallySatisfied}件`}
                  />
                  {f.mayOpenLists ? <ClassLinks f={f} scope={pinned} /> : null}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="答复分类（每个承办单位最新一次答复）">
                  <EChart
                    option={classOption(f)}
                    label={Object.entries(f.classes)
                      .map(([code, n]) => `${code}类${n}件`)
                      .join('，')}
                  />
                </Card>
              </Col>
              <Col xs={24}>
                <TrendChart scope={pinned} />
              </Col>
              {f.mayOpenLists ? (
                <Col xs={24}>
                  <UnitFiguresTable scope={pinned} />
                </Col>
              ) : null}
            </Row>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}

function ClassLinks({ f, scope }: { f: DashboardFigures; scope: FigureScopeQuery }) {
  const levels: [keyof Counts, string][] = [
    ['attitudeVerySatisfied', '态度很满意'],
    ['attitudeSatisfied', '态度满意'],
    ['attitudeBasicallySatisfied', '态度基本满意'],
    ['resultVerySatisfied', '结果很满意'],
    ['resultSatisfied', '结果满意'],
    ['resultBasicallySatisfied', '结果基本满意'],
  ];
  return (
    <Space wrap size={[12, 4]}>
      {levels.map(([key, label]) => (
        <Link key={key} to={figureListHref(key, scope)}>
          {label}
          {f.counts[key]}件
        </Link>
      ))}
      {Object.entries(f.classes).map(([code, n]) => (
        <Link key={code} to={figureListHref(`class.${code}`, scope)}>
          {code}类{n}件
        </Link>
      ))}
    </Space>
  );
}
