import { replyClassOf } from '../handling-rules/handling-rules.workflow.js';
import { opensRehandling } from '../suggestion/suggestion.workflow.js';
import { parseCount, parseDay, parsePeriod, parseRating, parseRole, parseYesNo, splitNames } from './import.cells.js';
import {
  breather,
  nameKey,
  ProblemList,
  sheetsOf,
  type FieldRow,
  type SheetReader,
  type StagedFile,
} from './import.check.js';
import { kindSpecs } from './import.sheets.js';
import { settleSuggestion } from './suggestions.settle.js';
import type {
  Period,
  PlannedSession,
  PlannedSuggestion,
  ReplyRow,
  SuggestionPlan,
  SuggestionRefs,
  UnitRow,
} from './suggestions.plan.js';

// Past years' suggestions: every row checked against the file and the congress, and what
// each suggestion becomes — its parts, replies, ratings and promises in the states the
// workflow would have left them in. Pure: the references come in, the plan goes out.

const periodWords: Record<Period, string> = { in_session: '大会期间', between_sessions: '闭会期间' };

export async function checkSuggestions(file: StagedFile, refs: SuggestionRefs) {
  const spec = kindSpecs.suggestions;
  const problems = new ProblemList();
  const pause = breather();
  const sheets = sheetsOf(spec, file, problems);
  const { rules } = refs.deadlines;

  // ---- 会议: sessions to create ----
  const termByOrdinal = new Map(refs.terms.map((t) => [t.ordinal, t.id]));
  const sessionKey = (term: number, session: number) => `${term}-${session}`;
  const existingSession = new Map(refs.sessions.map((s) => [sessionKey(s.termOrdinal, s.ordinal), s.id]));
  const planned: PlannedSession[] = [];
  const plannedIndex = new Map<string, number>();
  const sessionSheet = sheets.get('会议')!;
  for (const row of sessionSheet.rows) {
    await pause();
    const r = sessionSheet.reader;
    const term = r.parse(row, 'term', (t) => parseCount(t, '届次'));
    const ordinal = r.parse(row, 'session', (t) => parseCount(t, '会次'));
    const opensOn = r.parse(row, 'opensOn', parseDay);
    const closesOn = r.parse(row, 'closesOn', parseDay);
    if (!term || !ordinal || !opensOn || !closesOn) continue;
    const key = sessionKey(term, ordinal);
    if (existingSession.has(key)) {
      r.problem(row, 'session', `第${term}届第${ordinal}次会议已存在，不必再列出`);
      continue;
    }
    if (plannedIndex.has(key)) {
      r.problem(row, 'session', `第${term}届第${ordinal}次会议重复列出`);
      continue;
    }
    if (closesOn < opensOn) {
      r.problem(row, 'closesOn', '闭幕日期早于开幕日期');
      continue;
    }
    plannedIndex.set(key, planned.length);
    planned.push({ termOrdinal: term, ordinal, opensOn, closesOn, termId: termByOrdinal.get(term) ?? null });
  }

  const deputiesByName = new Map<string, SuggestionRefs['deputies']>();
  for (const d of refs.deputies) {
    const k = nameKey(d.name);
    deputiesByName.set(k, [...(deputiesByName.get(k) ?? []), d]);
  }
  const delegationByName = new Map(refs.delegations.map((d) => [nameKey(d.name), d.id]));
  const unitByName = new Map<string, number>();
  for (const u of refs.units) {
    unitByName.set(nameKey(u.shortName), u.id);
  }
  for (const u of refs.units) unitByName.set(nameKey(u.name), u.id);
  const categoryOf = new Map<string, string>();
  for (const c of refs.categories) {
    categoryOf.set(c.code, c.code);
    categoryOf.set(nameKey(c.name), c.code);
  }
  const termOfSession = new Map(refs.sessions.map((x) => [x.id, x.termId]));
  const termIdOf = (ref: { id: number } | { planned: number }) =>
    'id' in ref ? (termOfSession.get(ref.id) ?? null) : planned[ref.planned]!.termId;

  /** The suggestion a row names: its four key columns, read and checked. */
  const keyOf = (r: SheetReader, row: FieldRow) => {
    const term = r.parse(row, 'term', (t) => parseCount(t, '届次'));
    const ordinal = r.parse(row, 'session', (t) => parseCount(t, '会次'));
    const period = r.parse(row, 'period', parsePeriod);
    const number = r.parse(row, 'number', (t) => parseCount(t, '编号'));
    if (!term || !ordinal || !period || !number) return null;
    return { term, ordinal, period, number, key: `${term}-${ordinal}-${period}-${number}` };
  };
  const describe = (k: { term: number; ordinal: number; period: Period; number: number }) =>
    `第${k.term}届第${k.ordinal}次会议${periodWords[k.period]}第${k.number}号`;

  /** A deputy by name: of the session's term first, then by delegation; otherwise a problem. */
  const findDeputy = (
    r: SheetReader,
    row: FieldRow,
    column: string,
    name: string,
    termId: number | null,
    delegationId: number | null,
  ) => {
    let found = deputiesByName.get(nameKey(name)) ?? [];
    if (found.length === 0) {
      r.problem(row, column, `代表「${name}」不在代表名单中，请先导入代表名单`);
      return null;
    }
    if (found.length > 1 && termId !== null && found.some((d) => d.termId === termId))
      found = found.filter((d) => d.termId === termId);
    if (found.length > 1 && delegationId !== null && found.some((d) => d.delegationId === delegationId))
      found = found.filter((d) => d.delegationId === delegationId);
    if (found.length > 1) {
      r.problem(row, column, `有${found.length}位代表名为「${name}」，请在「代表团」列注明领衔代表的代表团`);
      return null;
    }
    return found[0]!;
  };

  // ---- 建议 ----
  const suggestionSheet = sheets.get('建议')!;
  const bySuggestion = new Map<
    string,
    { plan: PlannedSuggestion; row: FieldRow; units: UnitRow[]; replies: ReplyRow[] }
  >();
  const firstRowOf = new Map<string, number>();
  for (const row of suggestionSheet.rows) {
    await pause();
    const r = suggestionSheet.reader;
    const key = keyOf(r, row);
    const title = r.text(row, 'title');
    const leadName = r.text(row, 'lead');
    const categoryText = r.text(row, 'category');
    const submittedOn = r.parse(row, 'submittedOn', parseDay);
    const registeredOn = r.parse(row, 'registeredOn', parseDay);
    const assignedOn = r.parse(row, 'assignedOn', parseDay);
    const delegationText = row.get('delegation');
    const delegationId = delegationText === '' ? null : (delegationByName.get(nameKey(delegationText)) ?? null);
    if (delegationText !== '' && delegationId === null)
      r.problem(row, 'delegation', `代表团「${delegationText}」不存在`);
    const categoryCode = categoryText
      ? (categoryOf.get(categoryText) ?? categoryOf.get(nameKey(categoryText)))
      : undefined;
    if (categoryText && !categoryCode) r.problem(row, 'category', `类别「${categoryText}」不在本级人大的建议类别中`);
    if (title && title.length > 200) r.problem(row, 'title', '标题不能超过200字');
    if (submittedOn && registeredOn && registeredOn < submittedOn)
      r.problem(row, 'registeredOn', '立案日期早于提出日期');
    if (registeredOn && assignedOn && assignedOn < registeredOn) r.problem(row, 'assignedOn', '交办日期早于立案日期');
    if (!key) continue;
    const sessionRef = existingSession.has(sessionKey(key.term, key.ordinal))
      ? { id: existingSession.get(sessionKey(key.term, key.ordinal))! }
      : plannedIndex.has(sessionKey(key.term, key.ordinal))
        ? { planned: plannedIndex.get(sessionKey(key.term, key.ordinal))! }
        : null;
    if (!sessionRef) {
      r.problem(row, 'session', `第${key.term}届第${key.ordinal}次会议不存在，请在「会议」表中列出`);
      continue;
    }
    const earlier = firstRowOf.get(key.key);
    if (earlier !== undefined) {
      r.problem(row, 'number', `${describe(key)}建议与第${earlier}行重复`);
      continue;
    }
    firstRowOf.set(key.key, row.rowNo);
    if ('id' in sessionRef && refs.takenNumbers.has(`${sessionRef.id}:${key.period}:${key.number}`)) {
      r.problem(row, 'number', `系统中已有${describe(key)}建议`);
      continue;
    }
    const termId = termIdOf(sessionRef);
    const lead = leadName ? findDeputy(r, row, 'lead', leadName, termId, delegationId) : null;
    const cosignerIds: number[] = [];
    for (const name of splitNames(row.get('cosigners'))) {
      const d = findDeputy(r, row, 'cosigners', name, termId, delegationId ?? lead?.delegationId ?? null);
      if (d && d.id !== lead?.id && !cosignerIds.includes(d.id)) cosignerIds.push(d.id);
    }
    if (!title || !lead || !categoryCode || !submittedOn || !registeredOn || assignedOn === null) continue;
    bySuggestion.set(key.key, {
      row,
      units: [],
      replies: [],
      plan: {
        session: sessionRef,
        period: key.period,
        number: key.number,
        title,
        body: row.get('body'),
        categoryCode,
        leadDeputyId: lead.id,
        cosignerIds,
        delegationId: delegationId ?? lead.delegationId,
        deputyGroupId: lead.deputyGroupId,
        submittedOn,
        registeredOn,
        assignedOn: assignedOn ?? null,
        mode: null,
        status: 'registered',
        closeKind: null,
        closedOn: null,
        rehandlingRound: 0,
        parts: [],
      },
    });
  }

  /** The suggestion a row of another sheet names, or a problem if the 建议 sheet has none. */
  const parentOf = (r: SheetReader, row: FieldRow) => {
    const key = keyOf(r, row);
    if (!key) return null;
    const parent = bySuggestion.get(key.key);
    if (!parent && !firstRowOf.has(key.key)) r.problem(row, 'number', `「建议」表中没有${describe(key)}建议`);
    return parent ?? null;
  };
  const unitOf = (r: SheetReader, row: FieldRow) => {
    const name = r.text(row, 'unit');
    if (!name) return null;
    const id = unitByName.get(nameKey(name));
    if (id === undefined) r.problem(row, 'unit', `承办单位「${name}」不存在，请先导入承办单位`);
    return id ?? null;
  };

  // ---- 承办 ----
  const unitSheet = sheets.get('承办')!;
  for (const row of unitSheet.rows) {
    await pause();
    const r = unitSheet.reader;
    const parent = parentOf(r, row);
    const unitId = unitOf(r, row);
    const role = r.parse(row, 'role', parseRole);
    const opinionOn = r.parse(row, 'opinionOn', parseDay);
    const opinionOnTime = r.parse(row, 'opinionOnTime', parseYesNo);
    if (!parent || unitId === null || !role || opinionOn === null || opinionOnTime === null) continue;
    if (parent.units.some((u) => u.unitId === unitId)) {
      r.problem(row, 'unit', '同一单位对同一件建议重复列出');
      continue;
    }
    if (role !== 'co' && opinionOn) r.problem(row, 'opinionOn', '只有协办单位有会办意见日期');
    parent.units.push({ row, unitId, role, opinionOn, opinionOnTime });
  }

  // ---- 答复 ----
  const replySheet = sheets.get('答复')!;
  const classCodes = rules.replyClasses.map((c) => c.code).join('、');
  for (const row of replySheet.rows) {
    await pause();
    const r = replySheet.reader;
    const parent = parentOf(r, row);
    const unitId = unitOf(r, row);
    const roundText = row.get('round');
    const round = roundText === '' || roundText === '0' ? 0 : r.parse(row, 'round', (t) => parseCount(t, '轮次'));
    const repliedOn = r.parse(row, 'repliedOn', parseDay);
    const classCode = r.text(row, 'classCode')?.toUpperCase();
    if (classCode && !replyClassOf(rules, classCode))
      r.problem(row, 'classCode', `答复分类「${classCode}」不在本级人大的分类标注表中（${classCodes}）`);
    const onTime = r.parse(row, 'onTime', parseYesNo);
    const attitude = r.parse(row, 'attitude', parseRating);
    const result = r.parse(row, 'result', parseRating);
    const ratedOn = r.parse(row, 'ratedOn', parseDay);
    const targetOn = r.parse(row, 'targetOn', parseDay);
    const fulfilled = r.parse(row, 'fulfilled', parseYesNo);
    const comment = row.get('ratingComment');
    if ((attitude === undefined) !== (result === undefined)) {
      r.problem(row, attitude === undefined ? 'attitude' : 'result', '办理态度和办理结果须同时填写');
      continue;
    }
    if (attitude && result && opensRehandling({ attitude, result }) && comment === '')
      r.problem(row, 'ratingComment', '不满意的测评须填写测评意见（代表的理由）');
    if (repliedOn && ratedOn && ratedOn < repliedOn) r.problem(row, 'ratedOn', '测评日期早于答复日期');
    if (
      !parent ||
      unitId === null ||
      round === null ||
      round === undefined ||
      !repliedOn ||
      !classCode ||
      !replyClassOf(rules, classCode) ||
      onTime === null ||
      attitude === null ||
      result === null ||
      ratedOn === null ||
      targetOn === null ||
      fulfilled === null
    )
      continue;
    const part = parent.units.find((u) => u.unitId === unitId);
    if (!part || part.role === 'co') {
      r.problem(row, 'unit', '该单位不是这件建议的答复单位（须在「承办」表中为单独办理、主办或分别办理）');
      continue;
    }
    if (parent.replies.some((x) => x.unitId === unitId && x.round === round)) {
      r.problem(row, 'round', `该单位第${round}轮答复重复列出`);
      continue;
    }
    if (parent.plan.assignedOn && repliedOn < parent.plan.assignedOn) {
      r.problem(row, 'repliedOn', '答复日期早于交办日期');
      continue;
    }
    const promiseText = {
      doneText: row.get('doneText'),
      plannedText: row.get('plannedText'),
      notDoneReason: row.get('notDoneReason'),
    };
    parent.replies.push({
      row,
      unitId,
      round,
      targetOn,
      fulfilled: fulfilled ?? false,
      reply: {
        round,
        repliedOn,
        classCode,
        onTime,
        docNumber: row.get('docNumber'),
        rating: attitude && result ? { attitude, result, ratedOn: ratedOn ?? repliedOn, comment } : null,
        promise: promiseText,
      },
    });
  }

  // ---- Each suggestion as the workflow would have left it ----
  const readers = { suggestions: suggestionSheet.reader, units: unitSheet.reader, replies: replySheet.reader };
  for (const entry of bySuggestion.values()) {
    await pause();
    settleSuggestion(entry, readers, refs);
  }

  const suggestions = [...bySuggestion.values()].map((s) => s.plan);
  const plan: SuggestionPlan = { sessions: planned, suggestions };
  return { problems, plan, rows: suggestionSheet.rows.length + unitSheet.rows.length + replySheet.rows.length };
}

export function countsOfSuggestionPlan(plan: SuggestionPlan): Record<string, number> {
  const parts = plan.suggestions.flatMap((s) => s.parts);
  const replies = parts.flatMap((p) => p.replies);
  return {
    sessions: plan.sessions.length,
    suggestions: plan.suggestions.length,
    assignments: parts.length,
    replies: replies.length,
    ratings: replies.filter((r) => r.rating).length,
    coOpinions: parts.filter((p) => p.opinion).length,
    promises: parts.filter((p) => p.promise).length,
  };
}
