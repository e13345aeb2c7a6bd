import type { DeputyStatus } from '../../db/schema.js';
import { chinaToday } from '../deadline/iso-date.js';
import { deputyStatusLabels } from './administration.labels.js';

// The checks an office's entries must pass, each returning the Chinese reason or null. No I/O.

export interface TermDates {
  startsOn: string;
  endsOn: string | null;
}

export interface SessionDates {
  opensOn: string;
  closesOn: string;
  submissionClosesAt: Date;
}

export function termDatesProblem(term: TermDates): string | null {
  if (term.endsOn !== null && term.endsOn < term.startsOn) return '届的结束日期不能早于开始日期';
  return null;
}

/** A session lies within its term; submissions close between the session's first and last day. */
export function sessionDatesProblem(session: SessionDates, term: TermDates): string | null {
  if (session.closesOn < session.opensOn) return '闭幕日期不能早于开幕日期';
  if (session.opensOn < term.startsOn) return '会议不能早于本届开始日期';
  if (term.endsOn !== null && session.closesOn > term.endsOn) return '会议不能晚于本届结束日期';
  const closingDay = chinaToday(session.submissionClosesAt);
  if (closingDay < session.opensOn || closingDay > session.closesOn) return '建议截止提交时间应在会议期间';
  return null;
}

/** Who leaves the congress: only a serving deputy, to a status with its date; never back. */
export const leavingStatuses = ['term_ended', 'resigned', 'removed'] as const satisfies readonly DeputyStatus[];
export type LeavingStatus = (typeof leavingStatuses)[number];

export function leavingProblem(current: DeputyStatus): string | null {
  return current === 'serving' ? null : '该代表已不在任';
}

/**
 * A deputy who has left keeps the suggestions already put forward (they are still handled,
 * answered and rated) but puts forward no new one and signs no one else's.
 */
export function putForwardProblem(status: DeputyStatus): string | null {
  return status === 'serving' ? null : `代表已离任（${deputyStatusLabels[status]}），不能提出或联名建议`;
}

/** A 18-character resident ID number (GB 11643) with its check digit; empty is allowed. */
export function idNumberProblem(idNumber: string): string | null {
  if (idNumber === '') return null;
  if (!/^\d{17}[\dX]$/.test(idNumber)) return '身份证号码应为18位（最后一位可为X）';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(idNumber[i]), 0);
  const check = '10X98765432'[sum % 11];
  return idNumber[17] === check ? null : '身份证号码校验位不正确';
}

/** A unit's review chain: reviewers in order, ending with the signer (签发). */
export function reviewChainProblem(chain: readonly string[]): string | null {
  if (chain.length === 0 || chain.at(-1) !== 'unit_signer') return '审核流程须以签发人结束';
  if (chain.slice(0, -1).some((step) => step !== 'unit_reviewer')) return '签发前的环节只能是审核人';
  if (chain.length > 4) return '审核环节不超过3级';
  return null;
}

/** A category's new parent must not be itself or one of its own descendants. */
export function categoryParentProblem(
  code: string,
  parentCode: string | null,
  parentOf: ReadonlyMap<string, string | null>,
): string | null {
  for (let at = parentCode, depth = 0; at !== null; at = parentOf.get(at) ?? null, depth++) {
    if (at === code) return '上级分类不能是本分类或其下级分类';
    if (depth > 10) return '分类层级过深';
  }
  return null;
}

/** What a reform needs: a successor other than the unit itself, unless nothing is left to pass on. */
export function reformProblem(input: {
  unitId: number;
  successorUnitId: number | null;
  successorRetired: boolean;
  openItems: number;
}): string | null {
  if (input.successorUnitId === input.unitId) return '承接单位不能是本单位';
  if (input.successorRetired) return '承接单位已撤销';
  if (input.successorUnitId === null && input.openItems > 0) return '该单位尚有未办结的建议或承诺事项，须指定承接单位';
  return null;
}

/**
 * Whether an office may reset the password of, or disable, an account: only one that works in
 * its congress alone — another congress's people and the installation's administrator are not its to lock out.
 */
export function accountControlProblem(account: {
  grantsHere: number;
  grantsElsewhere: number;
  isSystemAdmin: boolean;
}): string | null {
  if (account.isSystemAdmin) return '系统管理员账号只能由系统管理员管理';
  if (account.grantsElsewhere > 0) return '该账号在其他人大也有角色，其密码和停用须由系统管理员办理';
  if (account.grantsHere === 0) return '该账号在本级人大没有角色';
  return null;
}
