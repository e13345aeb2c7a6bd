/**
 * What the viewer may do next on one suggestion, as the server says (suggestion.abilities.ts).
 * Buttons appear only from here; the web app never re-derives the rules.
 */
export interface Abilities {
  editDraft: boolean;
  submit: boolean;
  respondToCosign: boolean;
  register: boolean;
  returnForRevision: boolean;
  decline: boolean;
  preAssign: boolean;
  assign: boolean;
  groupIntoClass: boolean;
  requestReassignment: boolean;
  ruleReassignment: boolean;
  acknowledge: boolean;
  recordContact: boolean;
  sendOpinion: boolean;
  requestExtension: boolean;
  draftReply: boolean;
  submitReply: boolean;
  reviewReply: boolean;
  rate: boolean;
  ratableReplyIds: number[];
  ruleExtension: boolean;
  closeByOffice: boolean;
  setDisclosure: boolean;
}

export type AbilityName = Exclude<keyof Abilities, 'ratableReplyIds'>;

export function can(abilities: Partial<Abilities> | undefined, action: AbilityName): boolean {
  return abilities?.[action] === true;
}
