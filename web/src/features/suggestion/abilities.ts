import type { SuggestionAbilities } from '../../../../server/src/modules/suggestion/suggestion.detail.schemas';

/**
 * What the viewer may do next on one suggestion, as the server says (suggestion.abilities.ts;
 * the type is its response schema, suggestion.detail.schemas.ts). Buttons appear only from
 * here; the web app never re-derives the rules.
 */
export type Abilities = SuggestionAbilities;

export type AbilityName = Exclude<keyof Abilities, 'ratableReplyIds'>;

export function can(abilities: Partial<Abilities> | undefined, action: AbilityName): boolean {
  return abilities?.[action] === true;
}
