import { describe, expect, it } from 'vitest';
import {
  accountControlProblem,
  categoryParentProblem,
  idNumberProblem,
  leavingProblem,
  reformProblem,
  reviewChainProblem,
  sessionDatesProblem,
  termDatesProblem,
} from './administration.rules.js';

const term = { startsOn: '2023-01-01', endsOn: '2027-12-31' };
const session = { opensOn: '2026-01-10', closesOn: '2026-01-20', submissionClosesAt: new Date('2026-01-18T10:00:00Z') };

describe('an office’s entries', () => {
  it('a term ends after it starts, or is open-ended', () => {
    expect(termDatesProblem(term)).toBeNull();
    expect(termDatesProblem({ startsOn: '2023-01-01', endsOn: null })).toBeNull();
    expect(termDatesProblem({ startsOn: '2023-01-01', endsOn: '2022-12-31' })).toBe('届的结束日期不能早于开始日期');
  });

  it('a session lies within its term, and submissions close during it (China time)', () => {
    expect(sessionDatesProblem(session, term)).toBeNull();
    expect(sessionDatesProblem({ ...session, closesOn: '2026-01-09' }, term)).toBe('闭幕日期不能早于开幕日期');
    expect(sessionDatesProblem(session, { startsOn: '2026-01-11', endsOn: null })).toBe('会议不能早于本届开始日期');
    expect(sessionDatesProblem(session, { startsOn: '2023-01-01', endsOn: '2026-01-15' })).toBe(
      '会议不能晚于本届结束日期',
    );
    // 20 January 23:30 in Beijing is still the last day of the session, though 15:30 UTC.
    expect(sessionDatesProblem({ ...session, submissionClosesAt: new Date('2026-01-20T15:30:00Z') }, term)).toBeNull();
    expect(sessionDatesProblem({ ...session, submissionClosesAt: new Date('2026-01-20T16:30:00Z') }, term)).toBe(
      '建议截止提交时间应在会议期间',
    );
  });

  it('only a serving deputy leaves', () => {
    expect(leavingProblem('serving')).toBeNull();
    for (const status of ['term_ended', 'resigned', 'removed'] as const)
      expect(leavingProblem(status)).toBe('该代表已不在任');
  });

  it('an ID number has 18 characters and the right check digit', () => {
    expect(idNumberProblem('')).toBeNull();
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('身份证号码校验位不正确');
    expect(idNumberProblem('1101051949123100')).toBe('身份证号码应为18位（最后一位可为X）');
  });

  it('a review chain is reviewers then the signer', () => {
    expect(reviewChainProblem(['unit_signer'])).toBeNull();
    expect(reviewChainProblem(['unit_reviewer', 'unit_reviewer', 'unit_signer'])).toBeNull();
    expect(reviewChainProblem([])).toBe('审核流程须以签发人结束');
    expect(reviewChainProblem(['unit_signer', 'unit_reviewer'])).toBe('审核流程须以签发人结束');
    expect(reviewChainProblem(['unit_signer', 'unit_signer'])).toBe('签发前的环节只能是审核人');
    expect(
      reviewChainProblem(['unit_reviewer', 'unit_reviewer', 'unit_reviewer', 'unit_reviewer', 'unit_signer']),
    ).toBe('审核环节不超过3级');
  });

  it('a category is never its own ancestor', () => {
    const tree = new Map<string, string | null>([
      ['transport', null],
      ['roads', 'transport'],
      ['rural_roads', 'roads'],
    ]);
    expect(categoryParentProblem('roads', 'transport', tree)).toBeNull();
    expect(categoryParentProblem('transport', null, tree)).toBeNull();
    expect(categoryParentProblem('transport', 'rural_roads', tree)).toBe('上级分类不能是本分类或其下级分类');
    expect(categoryParentProblem('roads', 'roads', tree)).toBe('上级分类不能是本分类或其下级分类');
  });

  it('a reform names a successor in use, other than the unit, when work is left', () => {
    const base = { unitId: 1, successorUnitId: 2, successorRetired: false, openItems: 3 };
    expect(reformProblem(base)).toBeNull();
    expect(reformProblem({ ...base, successorUnitId: 1 })).toBe('承接单位不能是本单位');
    expect(reformProblem({ ...base, successorRetired: true })).toBe('承接单位已撤销');
    expect(reformProblem({ ...base, successorUnitId: null })).toBe('该单位尚有未办结的建议或承诺事项，须指定承接单位');
    expect(reformProblem({ ...base, successorUnitId: null, openItems: 0 })).toBeNull();
  });

  it('an office controls only accounts that work in its congress alone', () => {
    expect(accountControlProblem({ grantsHere: 1, grantsElsewhere: 0, isSystemAdmin: false })).toBeNull();
    expect(accountControlProblem({ grantsHere: 1, grantsElsewhere: 1, isSystemAdmin: false })).toBe(
      '该账号在其他人大也有角色，其密码和停用须由系统管理员办理',
    );
    expect(accountControlProblem({ grantsHere: 1, grantsElsewhere: 0, isSystemAdmin: true })).toBe(
      '系统管理员账号只能由系统管理员管理',
    );
    expect(accountControlProblem({ grantsHere: 0, grantsElsewhere: 0, isSystemAdmin: false })).toBe(
      '该账号在本级人大没有角色',
    );
  });
});
