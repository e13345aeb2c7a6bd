import { sql } from 'kysely';
import type { ImportKind, ImportProblem } from '../../db/schema.import.js';
import { writeEffects } from '../../platform/commit.js';
import type { AppContext } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import type { ProblemList, StagedFile, StagedRow } from './import.check.js';
import type { PreparedPublish, PublishScope } from './import.publish.js';
import { prepareDeputies, prepareUnits } from './import.publish.lists.js';
import { prepareSuggestions } from './import.publish.suggestions.js';
import { readWorkbook, type Cells } from './import.read.js';
import { deputyRefs, suggestionRefs, unitRefs } from './import.references.js';
import { kindSpecs } from './import.sheets.js';
import { checkDeputies, checkUnits } from './lists.check.js';
import { checkSuggestions, countsOfSuggestionPlan } from './suggestions.check.js';

// An import runs beside the server's other work: the file is read and staged in chunks of a
// few hundred rows, each chunk its own short statement, yielding to the event loop between
// chunks; the check reads the staged rows back the same way. Only the publish holds the
// database, once, in one transaction with its audit entry. The job row carries the progress
// the web app polls.

const STAGE_CHUNK = 500;
const READ_CHUNK = 4000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportActor {
  userId: number;
  congressId: number;
  role: 'liaison_office';
}

async function setJob(db: Executor, jobId: number, values: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', jobId)
    .execute();
}

/** Reads the upload into the staging table, chunk by chunk. */
async function stage(db: Executor, jobId: number, file: Buffer): Promise<void> {
  let batch: { job_id: number; sheet: string; row_no: number; cells: string }[] = [];
  let staged = 0;
  let progress = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db
      .insertInto('import_row')
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .execute();
    staged += batch.length;
    batch = [];
    await setJob(db, jobId, { done_rows: staged, progress });
    await yieldToLoop();
  };
  await readWorkbook(
    file,
    async (sheet, rowNo, cells) => {
      batch.push({ job_id: jobId, sheet, row_no: rowNo, cells: JSON.stringify(cells) });
      if (batch.length >= STAGE_CHUNK) await flush();
    },
    (p) => {
      progress = Math.min(99, Math.floor((p.read / p.size) * 100));
    },
  );
  await flush();
}

/** The staged rows of a job, read back in chunks. */
async function loadStaged(db: Executor, jobId: number, onChunk: (rows: number) => Promise<void>): Promise<StagedFile> {
  const file: StagedFile = new Map();
  let after = { sheet: '', rowNo: 0 };
  let read = 0;
  for (;;) {
    const rows = await sql<{ sheet: string; row_no: number; cells: Cells }>`
      select sheet, row_no, cells from import_row
      where job_id = ${jobId} and (sheet, row_no) > (${after.sheet}, ${after.rowNo})
      order by sheet, row_no limit ${READ_CHUNK}`.execute(db);
    if (rows.rows.length === 0) return file;
    for (const r of rows.rows) {
      const list = file.get(r.sheet) ?? [];
      list.push({ rowNo: r.row_no, cells: r.cells } satisfies StagedRow);
      file.set(r.sheet, list);
    }
    const last = rows.rows.at(-1)!;
    after = { sheet: last.sheet, rowNo: last.row_no };
    read += rows.rows.length;
    await onChunk(read);
    await yieldToLoop();
  }
}

interface Checked {
  problems: ProblemList;
  rows: number;
  counts: Record<string, number>;
  prepare: (scope: PublishScope) => Promise<PreparedPublish>;
}

async function checkKind(
  db: Executor,
  kind: ImportKind,
  congressId: number,
  file: StagedFile,
  hasPassword: boolean,
  today: string,
): Promise<Checked> {
  switch (kind) {
    case 'deputies': {
      const { problems, plan, rows } = await checkDeputies(file, await deputyRefs(db, congressId, file, hasPassword));
      return {
        problems,
        rows,
        counts: {
          deputies: plan.deputies.length,
          accounts: plan.deputies.filter((d) => d.username).length,
          terms: plan.terms.length,
          delegations: plan.delegations.length,
          groups: plan.groups.length,
        },
        prepare: (scope) => prepareDeputies(scope, plan),
      };
    }
    case 'units': {
      const { problems, plan, rows } = await checkUnits(file, await unitRefs(db, congressId, file, hasPassword));
      return {
        problems,
        rows,
        counts: { systems: plan.systems.length, units: plan.units.length, accounts: plan.staff.length },
        prepare: (scope) => prepareUnits(scope, plan),
      };
    }
    case 'suggestions': {
      const { problems, plan, rows } = await checkSuggestions(file, await suggestionRefs(db, congressId, today));
      return {
        problems,
        rows,
        counts: countsOfSuggestionPlan(plan),
        prepare: (scope) => prepareSuggestions(scope, plan),
      };
    }
  }
}

async function checkJob(ctx: AppContext, jobId: number): Promise<{ checked: Checked; problems: ImportProblem[] }> {
  const job = await ctx.db.selectFrom('import_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  const total = Math.max(1, job.done_rows);
  const file = await loadStaged(ctx.db, jobId, (read) =>
    setJob(ctx.db, jobId, { progress: Math.min(90, Math.floor((read / total) * 90)) }),
  );
  const checked = await checkKind(
    ctx.db,
    job.kind,
    job.congress_id,
    file,
    job.initial_password_hash !== null,
    chinaToday(ctx.clock.now()),
  );
  return { checked, problems: checked.problems.sorted(kindSpecs[job.kind]) };
}

/** Why a job failed, in words the office can act on. */
function failureText(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  if (/zip|central directory|signature|Corrupted|invalid/i.test(message))
    return '无法读取文件：请上传 Excel 工作簿（.xlsx），可先下载模板填写';
  return '导入时发生错误，未写入任何数据，请稍后重试';
}

async function fail(ctx: AppContext, jobId: number, err: unknown): Promise<void> {
  if (!(err instanceof AppError) && !/zip|signature|Corrupted/i.test(String(err))) console.error('导入失败', err);
  await setJob(ctx.db, jobId, { state: 'failed', error: failureText(err), finished_at: new Date() }).catch(() => {});
  await clearStaged(ctx.db, jobId).catch(() => {});
}

async function clearStaged(db: Executor, jobId: number): Promise<void> {
  for (;;) {
    const deleted = await sql`
      delete from import_row where ctid = any(array(select ctid from import_row where job_id = ${jobId} limit ${STAGE_CHUNK * 4}))`.execute(
      db,
    );
    if (!deleted.numAffectedRows) return;
    await yieldToLoop();
  }
}

const running = new Set<Promise<void>>();

/** Runs a job's next phase in the background; the request that started it has already answered. */
function inBackground(task: () => Promise<void>): void {
  const p = task().finally(() => running.delete(p));
  running.add(p);
}

/** Every phase still running in this process (a server closing waits for them). */
export async function importsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

/** The dry run: read, stage and check; the job ends `checked` with its problems (or none). */
/**
 * A new upload replaces the congress's earlier files that were checked but never imported:
 * only the latest can be confirmed, so two files never publish the same numbers at once.
 */
async function supersedeEarlier(db: Executor, jobId: number): Promise<void> {
  const earlier = await sql<{ id: number }>`
    update import_job e set state = 'failed', error = '已上传新的文件，此文件未导入', finished_at = now(), updated_at = now()
    from import_job j
    where j.id = ${jobId} and e.congress_id = j.congress_id and e.id < j.id and e.state = 'checked'
    returning e.id`.execute(db);
  for (const e of earlier.rows) await clearStaged(db, e.id);
}

export function runDryRun(ctx: AppContext, jobId: number, file: Buffer): void {
  inBackground(async () => {
    try {
      await supersedeEarlier(ctx.db, jobId);
      await stage(ctx.db, jobId, file);
      await setJob(ctx.db, jobId, { state: 'checking', progress: 0 });
      const { checked, problems } = await checkJob(ctx, jobId);
      await setJob(ctx.db, jobId, {
        state: 'checked',
        progress: 100,
        total_rows: checked.rows,
        problems: JSON.stringify(problems),
        problem_count: checked.problems.count,
        result: JSON.stringify(checked.counts),
      });
    } catch (err) {
      await fail(ctx, jobId, err);
    }
  });
}

/**
 * The import proper: the staged file is checked again against the congress as it is now
 * (someone may have added the same number since the dry run) and, with no problem, published
 * in one transaction: every row, the unit-list counters and one audit entry. Anything wrong
 * and nothing is written.
 */
export function runPublish(ctx: AppContext, jobId: number, actor: ImportActor): void {
  inBackground(async () => {
    try {
      const { checked, problems } = await checkJob(ctx, jobId);
      if (checked.problems.count > 0) {
        await setJob(ctx.db, jobId, {
          state: 'checked',
          progress: 100,
          problems: JSON.stringify(problems),
          problem_count: checked.problems.count,
        });
        return;
      }
      await setJob(ctx.db, jobId, { progress: 95 });
      const job = await ctx.db.selectFrom('import_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
      const { rules } = await loadRules(ctx.db, job.congress_id);
      const { statements, counts, referencesChecked } = await checked.prepare({
        db: ctx.db,
        congressId: job.congress_id,
        jobId,
        userId: actor.userId,
        passwordHash: job.initial_password_hash,
        classTableVersion: rules.replyClassVersion,
      });
      await ctx.db.transaction().execute(async (tx: Tx) => {
        await sql`select set_config('lianxin.bulk_publish', 'on', true)`.execute(tx);
        // PGlite is one connection on the server's own thread, held by this transaction: the
        // per-row foreign-key triggers, which only repeat the check just made, are skipped
        // there (PGlite runs as its superuser). A server PostgreSQL serves other requests
        // meanwhile and keeps them.
        const withoutReferenceTriggers = referencesChecked && ctx.databaseKind === 'pglite';
        if (withoutReferenceTriggers) await sql`set local session_replication_role = replica`.execute(tx);
        for (const statement of statements) await statement.execute(tx);
        if (withoutReferenceTriggers) await sql`set local session_replication_role = default`.execute(tx);
        await sql`select set_config('lianxin.bulk_publish', 'off', true)`.execute(tx);
        await writeEffects(
          tx,
          { userId: actor.userId, grant: { role: actor.role } },
          {
            audit: [
              {
                action: 'import.published',
                entityType: 'import_job',
                entityId: jobId,
                congressId: job.congress_id,
                after: { kind: job.kind, fileName: job.file_name, counts },
              },
            ],
            events: [{ type: 'import.published', congressId: job.congress_id, payload: { jobId } }],
          },
        );
        await setJob(tx, jobId, {
          state: 'done',
          progress: 100,
          result: JSON.stringify(counts),
          initial_password_hash: null,
          finished_at: new Date(),
        });
      });
    } catch (err) {
      await fail(ctx, jobId, err);
      return;
    }
    // Housekeeping: the job is done whether or not its staged rows are gone yet.
    await clearStaged(ctx.db, jobId).catch((err: unknown) => console.error('导入暂存数据清理失败', err));
  });
}
