import type { IsoDate } from '../deadline/deadline.workflow.js';
import { parseCount, parseDay, parseYesNo } from './import.cells.js';
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

// The two lists an office keeps in Excel — its deputies, and its handling units with their
// staff — checked row by row against the file and the congress. Pure.

const usernamePattern = /^[A-Za-z0-9_.-]{2,32}$/;

/** An existing row by id, or one the same publish creates (by its index in the plan). */
export type Ref = { id: number } | { planned: number };

/** Login names of the file, checked for their form, repeats in the file and accounts that exist. */
function checkUsername(
  r: SheetReader,
  row: FieldRow,
  username: string,
  seen: Map<string, number>,
  taken: ReadonlySet<string>,
): boolean {
  if (!usernamePattern.test(username)) {
    r.problem(row, 'username', '登录名只能由2至32位字母、数字、下划线、点或横线组成');
    return false;
  }
  const key = username.toLowerCase();
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    r.problem(row, 'username', `登录名「${username}」与第${earlier}行重复`);
    return false;
  }
  seen.set(key, row.rowNo);
  if (taken.has(key)) {
    r.problem(row, 'username', `登录名「${username}」已被使用`);
    return false;
  }
  return true;
}

function needsPassword(problems: ProblemList, sheet: string, accounts: number, hasPassword: boolean) {
  if (accounts > 0 && !hasPassword)
    problems.add({
      sheet,
      row: 1,
      column: '',
      field: '登录名',
      message: `将创建${accounts}个账号，请在上传时填写初始密码`,
    });
}

// ---- 代表名单 ----

export interface DeputyRefs {
  terms: { id: number; ordinal: number }[];
  delegations: { id: number; name: string }[];
  groups: { id: number; name: string }[];
  deputies: { name: string; termId: number; delegationId: number | null; idNumber: string }[];
  /** Lower-cased login names of the file that already exist. */
  takenUsernames: ReadonlySet<string>;
  hasInitialPassword: boolean;
}

export interface DeputyPlan {
  terms: { ordinal: number; startsOn: IsoDate; endsOn: IsoDate | null }[];
  delegations: string[];
  groups: string[];
  deputies: {
    name: string;
    term: Ref;
    delegation: Ref | null;
    group: Ref | null;
    occupation: string;
    gender: '' | 'male' | 'female';
    ethnicity: string;
    phone: string;
    idNumber: string;
    username: string | null;
  }[];
}

const genderByLabel = { 男: 'male', 女: 'female' } as const;
const idNumberPattern = /^(\d{17}[\dX]|\d{15})$/;

export async function checkDeputies(file: StagedFile, refs: DeputyRefs) {
  const problems = new ProblemList();
  const pause = breather();
  const sheets = sheetsOf(kindSpecs.deputies, file, problems);
  const plan: DeputyPlan = { terms: [], delegations: [], groups: [], deputies: [] };

  const terms = new Map<number, Ref>(refs.terms.map((t) => [t.ordinal, { id: t.id }]));
  const termSheet = sheets.get('届次')!;
  for (const row of termSheet.rows) {
    await pause();
    const r = termSheet.reader;
    const ordinal = r.parse(row, 'term', (t) => parseCount(t, '届次'));
    const startsOn = r.parse(row, 'startsOn', parseDay);
    const endsOn = r.parse(row, 'endsOn', parseDay);
    if (!ordinal || !startsOn || endsOn === null) continue;
    if (terms.has(ordinal)) {
      r.problem(row, 'term', `第${ordinal}届已存在，不必再列出`);
      continue;
    }
    if (endsOn && endsOn < startsOn) {
      r.problem(row, 'endsOn', '结束日期早于开始日期');
      continue;
    }
    terms.set(ordinal, { planned: plan.terms.length });
    plan.terms.push({ ordinal, startsOn, endsOn: endsOn ?? null });
  }

  const delegations = new Map<string, Ref>(refs.delegations.map((d) => [nameKey(d.name), { id: d.id }]));
  const groups = new Map<string, Ref>(refs.groups.map((g) => [nameKey(g.name), { id: g.id }]));
  const listSheet = sheets.get('代表团')!;
  for (const row of listSheet.rows) {
    await pause();
    const r = listSheet.reader;
    const type = r.text(row, 'type');
    const name = r.text(row, 'name');
    if (!type || !name) continue;
    if (type !== '代表团' && type !== '代表小组') {
      r.problem(row, 'type', `「${type}」应为代表团或代表小组`);
      continue;
    }
    const [map, list] = type === '代表团' ? [delegations, plan.delegations] : [groups, plan.groups];
    if (map.has(nameKey(name))) {
      r.problem(row, 'name', `${type}「${name}」已存在或重复列出`);
      continue;
    }
    map.set(nameKey(name), { planned: list.length });
    list.push(name);
  }

  const existing = new Set(refs.deputies.map((d) => `${nameKey(d.name)}|${d.termId}|${d.delegationId ?? ''}`));
  const idNumbers = new Map<string, number | 'taken'>(
    refs.deputies.filter((d) => d.idNumber !== '').map((d) => [`${d.termId}|${d.idNumber}`, 'taken']),
  );
  const inFile = new Map<string, number>();
  const usernames = new Map<string, number>();
  const deputySheet = sheets.get('代表')!;
  for (const row of deputySheet.rows) {
    await pause();
    const r = deputySheet.reader;
    const name = r.text(row, 'name');
    const ordinal = r.parse(row, 'term', (t) => parseCount(t, '届次'));
    const term = ordinal ? terms.get(ordinal) : undefined;
    if (ordinal && !term) r.problem(row, 'term', `第${ordinal}届不存在，请在「届次」表中列出`);
    const delegationText = row.get('delegation');
    const delegation = delegationText === '' ? null : (delegations.get(nameKey(delegationText)) ?? undefined);
    if (delegation === undefined)
      r.problem(row, 'delegation', `代表团「${delegationText}」不存在，请在「代表团」表中列出`);
    const groupText = row.get('group');
    const group = groupText === '' ? null : (groups.get(nameKey(groupText)) ?? undefined);
    if (group === undefined) r.problem(row, 'group', `代表小组「${groupText}」不存在，请在「代表团」表中列出`);
    const genderText = row.get('gender');
    const gender = genderText === '' ? '' : genderByLabel[genderText as keyof typeof genderByLabel];
    if (gender === undefined) r.problem(row, 'gender', `「${genderText}」应为男或女`);
    const idNumber = row.get('idNumber').toUpperCase();
    let idOk = idNumber === '' || idNumberPattern.test(idNumber);
    if (!idOk) r.problem(row, 'idNumber', '身份证号应为18位（最后一位可为X）或15位数字');
    if (idOk && idNumber !== '' && term) {
      const idKey = `${'id' in term ? term.id : `p${term.planned}`}|${idNumber}`;
      const seen = idNumbers.get(idKey);
      if (seen !== undefined) {
        r.problem(row, 'idNumber', seen === 'taken' ? '本届已有代表使用此身份证号' : `身份证号与第${seen}行重复`);
        idOk = false;
      } else idNumbers.set(idKey, row.rowNo);
    }
    const username = row.get('username');
    const usernameOk = username === '' || checkUsername(r, row, username, usernames, refs.takenUsernames);
    if (
      !name ||
      !term ||
      delegation === undefined ||
      group === undefined ||
      gender === undefined ||
      !idOk ||
      !usernameOk
    )
      continue;
    if (name.length > 50) {
      r.problem(row, 'name', '姓名不能超过50字');
      continue;
    }
    const key = `${nameKey(name)}|${'id' in term ? term.id : `p${term.planned}`}|${delegation ? JSON.stringify(delegation) : ''}`;
    const earlier = inFile.get(key);
    if (earlier !== undefined) {
      r.problem(row, 'name', `与第${earlier}行是同一位代表（同届、同代表团、同名）`);
      continue;
    }
    inFile.set(key, row.rowNo);
    if (
      'id' in term &&
      existing.has(`${nameKey(name)}|${term.id}|${delegation && 'id' in delegation ? delegation.id : ''}`)
    ) {
      r.problem(row, 'name', `代表「${name}」已在本届代表名单中`);
      continue;
    }
    plan.deputies.push({
      name,
      term,
      delegation,
      group,
      occupation: row.get('occupation'),
      gender,
      ethnicity: row.get('ethnicity'),
      phone: row.get('phone'),
      idNumber,
      username: username || null,
    });
  }
  needsPassword(problems, '代表', plan.deputies.filter((d) => d.username).length, refs.hasInitialPassword);
  return { problems, plan, rows: deputySheet.rows.length + listSheet.rows.length + termSheet.rows.length };
}

// ---- 承办单位及人员 ----

export interface UnitRefs {
  systems: { id: number; name: string }[];
  units: { id: number; name: string }[];
  takenUsernames: ReadonlySet<string>;
  hasInitialPassword: boolean;
}

export const staffRoleByLabel = { 经办人: 'unit_handler', 审核人: 'unit_reviewer', 签发人: 'unit_signer' } as const;
export type StaffRole = (typeof staffRoleByLabel)[keyof typeof staffRoleByLabel];
const chainByLabel = { 领导签发: ['unit_signer'], 处长审核后领导签发: ['unit_reviewer', 'unit_signer'] } as const;

export interface UnitPlan {
  systems: { name: string; isGovernment: boolean }[];
  units: { name: string; shortName: string; system: Ref; docPrefix: string; reviewChain: string[] }[];
  staff: { unit: Ref; name: string; role: StaffRole; username: string; phone: string }[];
}

export async function checkUnits(file: StagedFile, refs: UnitRefs) {
  const problems = new ProblemList();
  const pause = breather();
  const sheets = sheetsOf(kindSpecs.units, file, problems);
  const plan: UnitPlan = { systems: [], units: [], staff: [] };

  const systems = new Map<string, Ref>(refs.systems.map((s) => [nameKey(s.name), { id: s.id }]));
  const systemSheet = sheets.get('系统')!;
  for (const row of systemSheet.rows) {
    await pause();
    const r = systemSheet.reader;
    const name = r.text(row, 'name');
    const isGovernment = r.parse(row, 'isGovernment', parseYesNo);
    if (!name || isGovernment === null) continue;
    if (systems.has(nameKey(name))) {
      r.problem(row, 'name', `系统「${name}」已存在或重复列出`);
      continue;
    }
    systems.set(nameKey(name), { planned: plan.systems.length });
    plan.systems.push({ name, isGovernment: isGovernment ?? name.includes('政府') });
  }

  const units = new Map<string, Ref>(refs.units.map((u) => [nameKey(u.name), { id: u.id }]));
  const unitRows = new Map<string, number>();
  const unitSheet = sheets.get('单位')!;
  for (const row of unitSheet.rows) {
    await pause();
    const r = unitSheet.reader;
    const name = r.text(row, 'name');
    const shortName = r.text(row, 'shortName');
    const systemText = r.text(row, 'system');
    const system = systemText ? systems.get(nameKey(systemText)) : undefined;
    if (systemText && !system) r.problem(row, 'system', `系统「${systemText}」不存在，请在「系统」表中列出`);
    const chainText = row.get('chain') || '处长审核后领导签发';
    const chain = chainByLabel[chainText as keyof typeof chainByLabel];
    if (!chain) r.problem(row, 'chain', `「${chainText}」应为领导签发或处长审核后领导签发`);
    if (!name || !shortName || !system || !chain) continue;
    const earlier = unitRows.get(nameKey(name));
    if (earlier !== undefined) {
      r.problem(row, 'name', `单位「${name}」与第${earlier}行重复`);
      continue;
    }
    if (units.has(nameKey(name))) {
      r.problem(row, 'name', `单位「${name}」已存在`);
      continue;
    }
    unitRows.set(nameKey(name), row.rowNo);
    units.set(nameKey(name), { planned: plan.units.length });
    plan.units.push({ name, shortName, system, docPrefix: row.get('docPrefix') || shortName, reviewChain: [...chain] });
  }

  const usernames = new Map<string, number>();
  const staffSheet = sheets.get('人员')!;
  for (const row of staffSheet.rows) {
    await pause();
    const r = staffSheet.reader;
    const unitText = r.text(row, 'unit');
    const unit = unitText ? units.get(nameKey(unitText)) : undefined;
    if (unitText && !unit) r.problem(row, 'unit', `单位「${unitText}」不存在`);
    const name = r.text(row, 'name');
    const roleText = r.text(row, 'role');
    const role = roleText ? staffRoleByLabel[roleText as keyof typeof staffRoleByLabel] : undefined;
    if (roleText && !role) r.problem(row, 'role', `「${roleText}」应为经办人、审核人或签发人`);
    const username = r.text(row, 'username');
    const usernameOk = !!username && checkUsername(r, row, username, usernames, refs.takenUsernames);
    if (!unit || !name || !role || !usernameOk) continue;
    plan.staff.push({ unit, name, role, username: username!, phone: row.get('phone') });
  }
  needsPassword(problems, '人员', plan.staff.length, refs.hasInitialPassword);
  return { problems, plan, rows: unitSheet.rows.length + staffSheet.rows.length + systemSheet.rows.length };
}
