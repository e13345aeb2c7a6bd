// After a run: whether every acknowledged submission is in the database, and (--explain) the
// plans of the list query on PostgreSQL.

export async function verifyAcknowledged(db, dist, ids) {
  const found = new Map();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await db.selectFrom('suggestion').select(['id', 'status']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, r.status);
  }
  const missing = ids.filter((id) => !found.has(id));
  const notSubmitted = ids.filter((id) => found.has(id) && found.get(id) !== 'submitted');
  const totals = await dist.kysely
    .sql`select count(*)::int as suggestions, count(*) filter (where status = 'submitted')::int as submitted from suggestion`.execute(
    db,
  );
  return {
    acknowledged: ids.length,
    found: found.size,
    missing: missing.length,
    notSubmitted: notSubmitted.length,
    missingIds: missing.slice(0, 20),
    ...totals.rows[0],
  };
}

/** The SQL the list route runs for one unit handler, captured from the server's own code, then EXPLAIN ANALYZE. */
export async function explainList(prepared, dist, unitSession) {
  const captured = [];
  let capturing = true;
  const handle = await prepared.open();
  try {
    const { Kysely, PostgresDialect } = dist.kysely;
    const grant = await handle.db
      .selectFrom('role_grant')
      .selectAll()
      .where(
        'user_id',
        '=',
        (
          await handle.db
            .selectFrom('app_user')
            .select('id')
            .where('username', '=', unitSession.username)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    const viewer = {
      userId: grant.user_id,
      username: unitSession.username,
      displayName: unitSession.username,
      csrfToken: '',
      sessionTokenHash: '',
      grant: {
        id: grant.id,
        congressId: grant.congress_id,
        role: grant.role,
        deputyId: grant.deputy_id,
        unitId: grant.unit_id,
        unitSystemId: grant.unit_system_id,
        committeeId: grant.committee_id,
      },
    };
    const db = new Kysely({
      dialect: new PostgresDialect({ pool: new dist.pg.Pool({ connectionString: prepared.env.DATABASE_URL, max: 1 }) }),
      log: (event) => capturing && captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
    });
    try {
      const query = { page: 1, pageSize: 20, sort: '-updated' };
      await dist.list.listSuggestions(db, viewer, query, new Date().toISOString().slice(0, 10));
      capturing = false;
      const plans = [];
      for (const q of captured) {
        const plan = await dist.kysely
          .sql`explain (analyze, buffers) ${dist.kysely.sql.raw(inline(q.sql, q.parameters))}`.execute(db);
        plans.push({ sql: q.sql, parameters: q.parameters, plan: plan.rows.map((r) => r['QUERY PLAN']).join('\n') });
      }
      return plans;
    } finally {
      await db.destroy();
    }
  } finally {
    await handle.close();
  }
}

function inline(sqlText, parameters) {
  return sqlText.replace(/\$(\d+)/g, (_, i) => {
    const v = parameters[Number(i) - 1];
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}
