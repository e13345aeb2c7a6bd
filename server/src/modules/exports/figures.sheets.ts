import { tableSheet, type FilledSheet } from '../../platform/table-workbook.js';
import type { childrenOf, dashboardOf, trendsOf } from '../figures/figures.dashboard.js';
import {
  figureDefinitions,
  figureKeys,
  shareDefinitions,
  shareKeys,
  unitColumns,
  type FigureKey,
  type ShareKey,
} from '../figures/figures.definitions.js';
import type { unitFigures } from '../figures/figures.units.js';

// The figures behind the dashboard's charts, each chart a sheet, with the same numbers as
// the page: 主要数字 (with the year before and the change), 答复分类, 各承办单位, 历年趋势,
// and for a parent congress 下级人大.

type Dashboard = Awaited<ReturnType<typeof dashboardOf>>;
type UnitRow = Awaited<ReturnType<typeof unitFigures>>[number];
type Trends = Awaited<ReturnType<typeof trendsOf>>;
type Children = Awaited<ReturnType<typeof childrenOf>>;

const SHARE = '0.0';

export function mainFiguresSheet(d: Dashboard): FilledSheet {
  type Line = { label: string; now: number | null; before: number | null; change: number | null };
  const lines: Line[] = [
    ...figureKeys.map((k: FigureKey) => ({
      label: `${figureDefinitions[k].label}（件）`,
      now: d.counts[k],
      before: d.previous?.counts[k] ?? null,
      change: null,
    })),
    ...shareKeys.map((k: ShareKey) => ({
      label: `${shareDefinitions[k].label}（%）`,
      now: d.shares[k],
      before: d.previous?.shares[k] ?? null,
      change: d.changes[k],
    })),
  ];
  return tableSheet<Line>({
    name: '主要数字',
    caption: `${d.cohortLabel}代表建议办理情况（截至${d.asOf}）`,
    rows: lines,
    columns: [
      { header: '统计项', width: 34, value: (l) => l.label },
      { header: d.cohortLabel, width: 22, value: (l) => l.now },
      { header: d.previous ? `${d.previous.cohortLabel}同期` : '上年同期', width: 22, value: (l) => l.before },
      { header: '变化（百分点）', width: 14, value: (l) => l.change, format: SHARE },
    ],
  });
}

export function classesSheet(d: Dashboard): FilledSheet {
  const rows = Object.entries(d.classes).sort(([a], [b]) => a.localeCompare(b));
  return tableSheet<[string, number]>({
    name: '答复分类',
    caption: `${d.cohortLabel}答复分类（每个承办单位最新一次答复，截至${d.asOf}）`,
    rows,
    columns: [
      { header: '答复分类', width: 12, value: ([code]) => code },
      { header: '件数', width: 10, value: ([, n]) => n },
    ],
  });
}

export function unitsSheet(units: readonly UnitRow[], cohortLabel: string, asOf: string): FilledSheet {
  return tableSheet<UnitRow>({
    name: '各承办单位',
    caption: `${cohortLabel}各承办单位办理情况（截至${asOf}）`,
    rows: units,
    columns: [
      { header: '承办单位', width: 30, value: (u) => u.unitName },
      { header: '系统', width: 14, value: (u) => u.unitSystemName },
      { header: '办理大户', width: 10, value: (u) => (u.isBigHandler ? '是' : '') },
      ...unitColumns.map((k) => ({
        header: figureDefinitions[k].label,
        width: 14,
        value: (u: UnitRow) => u.counts[k],
      })),
      { header: '按时答复率（%）', width: 14, value: (u) => u.repliedOnTimeShare, format: SHARE },
      { header: '会办意见按时率（%）', width: 16, value: (u) => u.coOpinionsOnTimeShare, format: SHARE },
      { header: '办理态度很满意和满意（%）', width: 22, value: (u) => u.attitudeGoodShare, format: SHARE },
      { header: '办理结果很满意和满意（%）', width: 22, value: (u) => u.resultGoodShare, format: SHARE },
    ],
  });
}

type Point = Trends['points'][number];
type ChildRow = Children['children'][number];

/** A table of cohorts side by side: each row a session (trends) or a child congress. */
function cohortColumns<T extends Point | ChildRow>(first: { header: string; value: (r: T) => string }) {
  return [
    { header: first.header, width: 26, value: first.value },
    ...(['received', 'replied', 'feedback', 'unsatisfiedGiven'] as const).map((k) => ({
      header: figureDefinitions[k].label,
      width: 12,
      value: (r: T) => r.counts[k],
    })),
    ...(['feedbackOfReplied', 'classAB', 'attitudeGood', 'resultGood'] as const).map((k) => ({
      header: `${shareDefinitions[k].label}（%）`,
      width: 16,
      value: (r: T) => r.shares[k],
      format: SHARE,
    })),
  ];
}

export function trendsSheet(t: Trends): FilledSheet {
  return tableSheet<Point>({
    name: '历年趋势',
    caption: '历次会议的建议，在距开幕同样天数时的数字',
    rows: t.points,
    columns: cohortColumns<Point>({ header: '会议', value: (p) => p.cohortLabel }),
  });
}

export function childrenSheet(c: Children): FilledSheet {
  const rows: ChildRow[] = [...c.children, { ...c.total, congressId: 0, congressName: '合计' }];
  return tableSheet<ChildRow>({
    name: '下级人大',
    caption: `${c.year}年下级人大代表建议办理情况（截至${c.asOf}）`,
    rows,
    columns: cohortColumns<ChildRow>({ header: '人大', value: (r) => r.congressName }),
  });
}
