import { congressLevelLabels } from '../../../../server/src/modules/installation/installation.rules';

export type CongressLevel = keyof typeof congressLevelLabels;
export { congressLevelLabels };

const order: CongressLevel[] = ['national', 'province', 'city', 'county', 'township'];

/** The levels a congress may have under a parent of this level (the server's placementProblem). */
export function levelsUnder(parent: CongressLevel | null): CongressLevel[] {
  return parent === null ? order : order.slice(order.indexOf(parent) + 1);
}
