import type { RoleName } from '../db/schema.js';

// The one shape of every record that changes state: a table `action → {from, to, who}` that
// a liaison officer would recognise. Commands ask `mayFire` and take the next state from
// `nextState`; route role gates come from `rolesFor`; the abilities sent to the web app come
// from `abilitiesFrom`; the matrix test walks every table registered here. A module adds
// its tables with `defineWorkflow` and states no rule twice.

export interface Transition<S extends string, W extends string> {
  from: readonly S[];
  /** Where the record goes; absent when it stays (or the command decides between outcomes, listed in `outcomes`). */
  to?: S;
  /** The states a command may choose between when the outcome depends on the data (a rating: closed or re-handling). */
  outcomes?: readonly S[];
  who: readonly W[];
}

export interface Workflow<S extends string, A extends string, W extends string> {
  /** The record, as the audit and the docs name it: 'suggestion', 'assignment', 'reply' … */
  record: string;
  states: readonly S[];
  /** Which account role each actor of the table is: the relation narrows it (own unit, lead deputy …). */
  actorRoles: Record<W, RoleName | 'system'>;
  transitions: Record<A, Transition<S, W>>;
}

const registry: Workflow<string, string, string>[] = [];

/** Declares a workflow table and registers it, so abilities, role gates and the matrix test find it. */
export function defineWorkflow<S extends string, A extends string, W extends string>(
  workflow: Workflow<S, A, W>,
): Workflow<S, A, W> {
  for (const [action, t] of Object.entries<Transition<S, W>>(workflow.transitions)) {
    const unknown = [...t.from, ...(t.to ? [t.to] : []), ...(t.outcomes ?? [])].filter(
      (s) => !workflow.states.includes(s),
    );
    if (unknown.length > 0) throw new Error(`${workflow.record}.${action}: unknown states ${unknown.join(', ')}`);
  }
  if (registry.some((w) => w.record === workflow.record)) throw new Error(`workflow ${workflow.record} defined twice`);
  registry.push(workflow as unknown as Workflow<string, string, string>);
  return workflow;
}

export function registeredWorkflows(): readonly Workflow<string, string, string>[] {
  return registry;
}

export function mayFire<S extends string, A extends string, W extends string>(
  wf: Workflow<S, A, W>,
  action: A,
  state: S,
  actors: readonly W[],
): boolean {
  const t = wf.transitions[action];
  return t.from.includes(state) && t.who.some((w) => actors.includes(w));
}

/** The state an action leads to: its `to`, or one of its declared outcomes, or where it was. */
export function nextState<S extends string, A extends string, W extends string>(
  wf: Workflow<S, A, W>,
  action: A,
  state: S,
  outcome?: S,
): S {
  const t = wf.transitions[action];
  if (outcome !== undefined) {
    if (!(t.outcomes ?? []).includes(outcome)) throw new Error(`${wf.record}.${action} cannot lead to ${outcome}`);
    return outcome;
  }
  return t.to ?? state;
}

/** Every action of the table, true where these actors may fire it from this state. */
export function abilitiesFrom<S extends string, A extends string, W extends string>(
  wf: Workflow<S, A, W>,
  state: S | null,
  actors: readonly W[],
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(wf.transitions) as A[])
    out[action] = state !== null && mayFire(wf, action, state, actors);
  return out;
}

/** The account roles that may ever fire an action: the coarse gate of its route. */
export function rolesFor<S extends string, A extends string, W extends string>(
  wf: Workflow<S, A, W>,
  action: A,
): RoleName[] {
  const roles = wf.transitions[action].who.map((w) => wf.actorRoles[w]).filter((r): r is RoleName => r !== 'system');
  return [...new Set(roles)];
}
