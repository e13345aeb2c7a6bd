import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.js';

/** A write that finishes when told to. */
function pending() {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { done, finish, fail };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('the write gate', () => {
  it('lets `limit` writes in at once and the others in order of arrival as places free up', async () => {
    const gate = new WriteGate(2);
    const started: number[] = [];
    const writes = [0, 1, 2, 3].map(() => pending());
    const runs = writes.map((w, i) =>
      gate.run(async () => {
        started.push(i);
        await w.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    writes[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    writes[0]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    writes[2]!.finish();
    writes[3]!.finish();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
  });

  it('frees the place of a write that fails, and passes its error on', async () => {
    const gate = new WriteGate(1);
    const first = pending();
    const failed = gate.run(() => first.done);
    let secondRan = false;
    const second = gate.run(async () => {
      secondRan = true;
    });
    await tick();
    expect(secondRan).toBe(false);
    first.fail(new Error('冲突'));
    await expect(failed).rejects.toThrow('冲突');
    await second;
    expect(secondRan).toBe(true);
    // Nothing is left holding a place: a new write goes straight in.
    let thirdRan = false;
    await gate.run(async () => {
      thirdRan = true;
    });
    expect(thirdRan).toBe(true);
  });
});
