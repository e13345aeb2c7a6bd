import { describe, expect, it } from 'vitest';
import {
  canFire,
  checkAssignmentShape,
  checkTitle,
  isValidChain,
  nextChainStep,
  countedRating,
  opensRehandling,
  partAfterRating,
  statusFromParts,
  suggestionStatuses,
  type Actor,
  type RatingLevel,
  type SuggestionAction,
  type SuggestionStatus,
} from './suggestion.workflow.js';

// The process as the liaison office tells it: for each step, from which states and by whom.
const expected: Record<SuggestionAction, { from: SuggestionStatus[]; who: Actor[] }> = {
  editDraft: { from: ['draft', 'returned'], who: ['lead_deputy'] },
  submit: { from: ['draft', 'returned'], who: ['lead_deputy'] },
  register: { from: ['submitted'], who: ['liaison_office'] },
  returnForRevision: { from: ['submitted'], who: ['liaison_office'] },
  decline: { from: ['submitted'], who: ['liaison_office'] },
  preAssign: { from: ['registered'], who: ['liaison_office', 'government_office'] },
  assign: { from: ['registered'], who: ['liaison_office', 'government_office'] },
  groupIntoClass: { from: ['registered', 'assigned'], who: ['liaison_office'] },
  requestReassignment: { from: ['assigned'], who: ['unit_handler', 'lead_deputy'] },
  ruleReassignment: { from: ['assigned', 'replied', 'rehandling'], who: ['liaison_office'] },
  // 分别办理: one unit's reply is rated while another unit still handles or re-handles its part.
  rate: { from: ['assigned', 'replied', 'rehandling'], who: ['deputy', 'lead_deputy'] },
  closeByOffice: { from: ['assigned', 'replied', 'rehandling'], who: ['liaison_office'] },
  closeForNoFeedback: { from: ['assigned', 'replied', 'rehandling'], who: ['system'] },
  setDisclosure: { from: ['registered', 'assigned', 'replied', 'rehandling', 'closed'], who: ['liaison_office'] },
};
const actors: Actor[] = [
  'lead_deputy',
  'deputy',
  'liaison_office',
  'government_office',
  'unit_handler',
  'unit_reviewer',
  'unit_signer',
  'committee',
  'leader',
  'system',
];

describe('the suggestion workflow table', () => {
  for (const [action, rule] of Object.entries(expected) as [SuggestionAction, (typeof expected)[SuggestionAction]][]) {
    it(`${action}: allowed exactly from ${rule.from.join('/')} for ${rule.who.join('/')}`, () => {
      for (const status of suggestionStatuses) {
        for (const actor of actors) {
          const allowed = rule.from.includes(status) && rule.who.includes(actor);
          expect(canFire(action, status, [actor]), `${action} ${status} ${actor}`).toBe(allowed);
        }
      }
    });
  }

  it('leaders and committees can fire nothing: they supervise read-only', () => {
    for (const action of Object.keys(expected) as SuggestionAction[]) {
      for (const status of suggestionStatuses) {
        expect(canFire(action, status, ['leader', 'committee'])).toBe(false);
      }
    }
  });
});

describe('the shape of an assignment', () => {
  const u = (unitId: number, role: 'sole' | 'lead' | 'co' | 'separate') => ({ unitId, role });
  it('sole handling names exactly one unit', () => {
    expect(checkAssignmentShape('sole', [u(1, 'sole')])).toBeNull();
    expect(checkAssignmentShape('sole', [u(1, 'sole'), u(2, 'sole')])).not.toBeNull();
    expect(checkAssignmentShape('sole', [u(1, 'lead')])).not.toBeNull();
  });
  it('lead and co-handling has exactly one lead and at least one co-unit', () => {
    expect(checkAssignmentShape('lead_co', [u(1, 'lead'), u(2, 'co'), u(3, 'co')])).toBeNull();
    expect(checkAssignmentShape('lead_co', [u(1, 'lead'), u(2, 'lead')])).toBe('主办会办须且只能指定一个主办单位');
    expect(checkAssignmentShape('lead_co', [u(1, 'co'), u(2, 'co')])).toBe('主办会办须且只能指定一个主办单位');
    expect(checkAssignmentShape('lead_co', [u(1, 'lead')])).toBe('主办会办须至少指定一个会办单位');
    expect(checkAssignmentShape('lead_co', [u(1, 'lead'), u(2, 'co'), u(3, 'sole')])).not.toBeNull();
  });
  it('separate handling needs two or more units, each answering', () => {
    expect(checkAssignmentShape('separate', [u(1, 'separate'), u(2, 'separate')])).toBeNull();
    expect(checkAssignmentShape('separate', [u(1, 'separate')])).not.toBeNull();
  });
  it('never names one unit twice', () => {
    expect(checkAssignmentShape('lead_co', [u(1, 'lead'), u(1, 'co')])).toBe('同一单位不能重复交办');
  });
});

describe('the suggestion follows its answering units', () => {
  const p = (...states: Parameters<typeof statusFromParts>[0][number]['state'][]) => states.map((state) => ({ state }));
  it.each([
    [p('pending_ack'), 'assigned'],
    [p('replied', 'handling'), 'assigned'],
    [p('replied', 'replied'), 'replied'],
    [p('replied', 'closed'), 'replied'],
    [p('closed', 'rehandling'), 'rehandling'],
    [p('closed', 'closed'), 'closed'],
  ] as const)('%j → %s', (parts, status) => {
    expect(statusFromParts(parts)).toBe(status);
  });
});

describe('ratings, titles and the review chain', () => {
  it('an 不满意 on either the attitude or the result opens re-handling', () => {
    expect(opensRehandling({ attitude: 'unsatisfied', result: 'satisfied' })).toBe(true);
    expect(opensRehandling({ attitude: 'satisfied', result: 'unsatisfied' })).toBe(true);
    expect(opensRehandling({ attitude: 'basically_satisfied', result: 'very_satisfied' })).toBe(false);
  });
  it('titles read 关于……的建议', () => {
    expect(checkTitle('关于加快农村公路建设的建议')).toBeNull();
    expect(checkTitle('《关于加快农村公路建设的建议》')).toBeNull();
    expect(checkTitle('加快农村公路建设')).toBe('标题应写作「关于……的建议」');
  });
  it('a review chain ends with a signer, and approving the last step sends', () => {
    expect(isValidChain(['unit_signer'])).toBe(true);
    expect(isValidChain(['unit_reviewer', 'unit_signer'])).toBe(true);
    expect(isValidChain(['unit_signer', 'unit_reviewer'])).toBe(false);
    expect(isValidChain([])).toBe(false);
    expect(nextChainStep(['unit_reviewer', 'unit_signer'], 0)).toEqual({ sends: false, nextStep: 1 });
    expect(nextChainStep(['unit_reviewer', 'unit_signer'], 1)).toEqual({ sends: true, nextStep: 1 });
  });
});

describe('ratings of a unit’s reply (partAfterRating)', () => {
  const r = (deputyId: number, attitude: RatingLevel, result: RatingLevel) => ({ deputyId, attitude, result });
  it.each([
    ['waits for the co-signer after the lead deputy’s 满意', [1, 2], [r(1, 'satisfied', 'satisfied')], 'replied'],
    [
      'closes when every confirmed deputy rated without 不满意',
      [1, 2],
      [r(2, 'satisfied', 'basically_satisfied'), r(1, 'very_satisfied', 'satisfied')],
      'closed',
    ],
    [
      're-handles on a co-signer’s 不满意 even after the lead deputy’s 满意',
      [1, 2],
      [r(1, 'satisfied', 'satisfied'), r(2, 'satisfied', 'unsatisfied')],
      'rehandling',
    ],
    ['re-handles on an 不满意 attitude alone', [1], [r(1, 'unsatisfied', 'satisfied')], 'rehandling'],
    [
      'closes on the lead deputy alone when there are no co-signers',
      [1],
      [r(1, 'basically_satisfied', 'basically_satisfied')],
      'closed',
    ],
  ] as const)('%s', (_, deputies, ratings, expected) => {
    expect(partAfterRating(deputies, ratings)).toBe(expected);
  });
});

describe('the one rating a suggestion counts (countedRating)', () => {
  it('takes the least satisfied latest lead rating across units, attitude and result apart', () => {
    expect(
      countedRating([
        { attitude: 'very_satisfied', result: 'basically_satisfied' },
        { attitude: 'basically_satisfied', result: 'satisfied' },
      ]),
    ).toEqual({ attitude: 'basically_satisfied', result: 'basically_satisfied' });
    expect(countedRating([{ attitude: 'satisfied', result: 'very_satisfied' }])).toEqual({
      attitude: 'satisfied',
      result: 'very_satisfied',
    });
    expect(countedRating([])).toBeNull();
  });
});
