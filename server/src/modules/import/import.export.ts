import { sql } from 'kysely';
import type { ImportKind } from '../../db/schema.import.js';
import type { Executor } from '../../platform/db.js';
import { periodLabels, ratingLabels } from '../../shared/labels.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import type { Lookups, SheetData } from './import.workbook.js';

// The congress's lists as rows of the import's own sheets (the export), and the lists the
// template offers as drop-downs. Always one congress: the caller's.

export async function lookupsOf(
  db: Executor,
  congressId: number,
): Promise<Lookups & { classTable: { code: string; meaning: string }[] }> {
  const [{ rules }, categories, units, delegations, systems] = await Promise.all([
    loadRules(db, congressId),
    db.selectFrom('suggestion_category').select('name').where('congress_id', '=', congressId).orderBy('code').execute(),
    db.selectFrom('handling_unit').select('name').where('congress_id', '=', congressId).orderBy('name').execute(),
    db.selectFrom('delegation').select('name').where('congress_id', '=', congressId).orderBy('name').execute(),
    db.selectFrom('unit_system').select('name').where('congress_id', '=', congressId).orderBy('id').execute(),
  ]);
  return {
    classCodes: rules.replyClasses.map((c) => c.code),
    categories: categories.map((c) => c.name),
    units: units.map((u) => u.name),
    delegations: delegations.map((d) => d.name),
    systems: systems.map((s) => s.name),
    classTable: rules.replyClasses.map((c) => ({ code: c.code, meaning: c.meaning })),
  };
}

const chinaDay = (column: string) =>
  sql.raw(`coalesce(to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), '')`);
const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
const roleWords: Record<string, string> = { sole: '单独办理', lead: '主办', co: '协办', separate: '分别办理' };
const staffWords: Record<string, string> = { unit_handler: '经办人', unit_reviewer: '审核人', unit_signer: '签发人' };
const rating = (v: string | null) => (v ? ratingLabels[v as keyof typeof ratingLabels] : '');

async function deputyRows(db: Executor, congressId: number): Promise<SheetData> {
  const rows = await sql<{
    name: string;
    term: number;
    delegation: string;
    grp: string;
    occupation: string;
    gender: string;
    ethnicity: string;
    phone: string;
    id_number: string;
    username: string;
  }>`
    select d.name, t.ordinal as term, coalesce(dl.name, '') as delegation, coalesce(g.name, '') as grp, d.occupation,
      d.gender, d.ethnicity, d.phone, d.id_number, coalesce(u.username, '') as username
    from deputy d join term t on t.id = d.term_id
    left join delegation dl on dl.id = d.delegation_id
    left join deputy_group g on g.id = d.deputy_group_id
    left join app_user u on u.id = d.user_id
    where d.congress_id = ${congressId} order by t.ordinal, d.id`.execute(db);
  const genderWords: Record<string, string> = { male: '男', female: '女' };
  return {
    代表: rows.rows.map((r) => [
      r.name,
      String(r.term),
      r.delegation,
      r.grp,
      r.occupation,
      genderWords[r.gender] ?? '',
      r.ethnicity,
      r.phone,
      r.id_number,
      r.username,
    ]),
  };
}

async function unitRows(db: Executor, congressId: number): Promise<SheetData> {
  const [units, staff, systems] = await Promise.all([
    sql<{ name: string; short_name: string; system: string; doc_prefix: string; review_chain: string[] }>`
      select u.name, u.short_name, s.name as system, u.doc_prefix, u.review_chain
      from handling_unit u join unit_system s on s.id = u.unit_system_id
      where u.congress_id = ${congressId} order by u.id`.execute(db),
    sql<{ unit: string; name: string; role: string; username: string; phone: string }>`
      select u.name as unit, a.display_name as name, g.role, a.username, a.phone
      from role_grant g join handling_unit u on u.id = g.unit_id join app_user a on a.id = g.user_id
      where g.congress_id = ${congressId} and g.role in ('unit_handler','unit_reviewer','unit_signer')
      order by u.id, g.role, a.id`.execute(db),
    db
      .selectFrom('unit_system')
      .select(['name', 'is_government'])
      .where('congress_id', '=', congressId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    单位: units.rows.map((u) => [
      u.name,
      u.short_name,
      u.system,
      u.doc_prefix,
      u.review_chain.length === 1 ? '领导签发' : '处长审核后领导签发',
    ]),
    人员: staff.rows.map((p) => [p.unit, p.name, staffWords[p.role] ?? p.role, p.username, p.phone]),
    系统: systems.map((s) => [s.name, yesNo(s.is_government)]),
  };
}

async function suggestionRows(db: Executor, congressId: number, sessionId: number): Promise<SheetData> {
  const key = sql.raw(`t.ordinal::text as term, cs.ordinal::text as session_no, s.period, s.number::text as number`);
  const from = sql.raw(
    `from suggestion s join congress_session cs on cs.id = s.session_id join term t on t.id = cs.term_id`,
  );
  const where = sql`s.congress_id = ${congressId} and s.session_id = ${sessionId} and s.number is not null`;
  type Key = { term: string; session_no: string; period: keyof typeof periodLabels; number: string };
  const keyCells = (r: Key) => [r.term, r.session_no, periodLabels[r.period], r.number];
  const [suggestions, parts, replies] = await Promise.all([
    sql<
      Key & {
        title: string;
        lead: string;
        cosigners: string;
        delegation: string;
        category: string;
        submitted: string;
        registered: string;
        assigned: string;
        body: string;
      }
    >`
      select ${key}, s.title, d.name as lead,
        coalesce((select string_agg(cd.name, '、' order by c.deputy_id) from suggestion_cosigner c join deputy cd on cd.id = c.deputy_id
          where c.suggestion_id = s.id and c.status = 'confirmed'), '') as cosigners,
        coalesce(dl.name, '') as delegation, coalesce(cat.name, s.category_code) as category,
        ${chinaDay('s.submitted_at')} as submitted, ${chinaDay('s.registered_at')} as registered,
        coalesce(s.assigned_on::text, '') as assigned, s.body
      ${from} join deputy d on d.id = s.lead_deputy_id
      left join delegation dl on dl.id = s.delegation_id
      left join suggestion_category cat on cat.congress_id = s.congress_id and cat.code = s.category_code
      where ${where} order by s.period, s.number`.execute(db),
    sql<Key & { unit: string; role: string; opinion_on: string; opinion_on_time: boolean | null }>`
      select ${key}, u.name as unit, a.role, ${chinaDay('a.opinion_sent_at')} as opinion_on, a.opinion_on_time
      ${from} join assignment a on a.suggestion_id = s.id and a.state <> 'ended' join handling_unit u on u.id = a.unit_id
      where ${where} order by s.period, s.number, a.id`.execute(db),
    sql<
      Key & {
        unit: string;
        round: number;
        sent_on: string;
        class_code: string;
        on_time: boolean | null;
        doc_number: string;
        attitude: string | null;
        result: string | null;
        rated_on: string;
        comment: string;
        done_text: string;
        planned_text: string;
        not_done_reason: string;
        target_on: string;
        fulfilled: boolean | null;
      }
    >`
      select ${key}, u.name as unit, r.round, ${chinaDay('r.sent_at')} as sent_on, r.class_code, r.on_time, r.doc_number,
        rt.attitude, rt.result, ${chinaDay('rt.rated_at')} as rated_on, coalesce(rt.comment, '') as comment,
        r.promise_done_text as done_text, r.promise_planned_text as planned_text, r.promise_not_done_reason as not_done_reason,
        coalesce(p.target_on::text, '') as target_on, case when p.id is null then null else p.status = 'fulfilled' end as fulfilled
      ${from} join reply r on r.suggestion_id = s.id and r.state = 'sent' join handling_unit u on u.id = r.unit_id
      left join lateral (select attitude, result, rated_at, comment from rating where reply_id = r.id and is_lead_deputy order by id desc limit 1) rt on true
      left join promise p on p.reply_id = r.id and p.status <> 'superseded'
      where ${where} order by s.period, s.number, r.unit_id, r.round`.execute(db),
  ]);
  return {
    建议: suggestions.rows.map((r) => [
      ...keyCells(r),
      r.title,
      r.lead,
      r.cosigners,
      r.delegation,
      r.category,
      r.submitted,
      r.registered,
      r.assigned,
      r.body,
    ]),
    承办: parts.rows.map((r) => [
      ...keyCells(r),
      r.unit,
      roleWords[r.role] ?? r.role,
      r.opinion_on,
      r.role === 'co' ? yesNo(r.opinion_on_time) : '',
    ]),
    答复: replies.rows.map((r) => [
      ...keyCells(r),
      r.unit,
      String(r.round),
      r.sent_on,
      r.class_code,
      yesNo(r.on_time),
      r.doc_number,
      rating(r.attitude),
      rating(r.result),
      r.rated_on,
      r.comment,
      r.done_text,
      r.planned_text,
      r.not_done_reason,
      r.target_on,
      yesNo(r.fulfilled),
    ]),
  };
}

export function exportRows(
  db: Executor,
  kind: ImportKind,
  congressId: number,
  sessionId: number | null,
): Promise<SheetData> {
  switch (kind) {
    case 'deputies':
      return deputyRows(db, congressId);
    case 'units':
      return unitRows(db, congressId);
    case 'suggestions':
      return suggestionRows(db, congressId, sessionId!);
  }
}
