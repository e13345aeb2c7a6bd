import ExcelJS from 'exceljs';
import type { App } from '../../app.js';
import type { Client } from '../../test/test-app.js';
import { kindSpecs } from './import.sheets.js';
import type { ImportJob } from './import.schemas.js';

// What the import tests share: a workbook written from rows by header, the upload as a
// browser sends it (multipart), and waiting for a job's background phase to end.

export type SheetRows = Record<string, Record<string, string | number | Date>[]>;

/** A workbook whose sheets have the template's headers (in the template's order) and these rows. */
export async function workbookOf(kind: keyof typeof kindSpecs, sheets: SheetRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of kindSpecs[kind].sheets) {
    const rows = sheets[spec.name];
    if (!rows) continue;
    const ws = wb.addWorksheet(spec.name);
    ws.addRow(spec.columns.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.header] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function upload(
  app: App,
  client: Client,
  kind: string,
  file: Buffer,
  options: { password?: string; fileName?: string } = {},
) {
  const boundary = '----lianxin-test-boundary';
  const parts: Buffer[] = [];
  if (options.password !== undefined)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="initialPassword"\r\n\r\n${options.password}\r\n`,
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'data.xlsx'}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const res = await app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}`,
    payload: Buffer.concat(parts),
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  return { status: res.statusCode, body: res.json() as ImportJob & { code?: string; message?: string } };
}

/** Polls the job as the web page does, until its background phase has ended. */
export async function settled(client: Client, id: number, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await client.get<ImportJob>(`/api/imports/${id}`)).body;
    if (!['reading', 'checking', 'publishing'].includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Upload, dry run, and (when the dry run found nothing) publish; the job as it ended. */
export async function importFile(app: App, client: Client, kind: string, file: Buffer, password?: string) {
  const started = await upload(app, client, kind, file, password === undefined ? {} : { password });
  if (started.status !== 202) throw new Error(`upload answered ${started.status} ${JSON.stringify(started.body)}`);
  const checked = await settled(client, started.body.id);
  if (checked.state !== 'checked' || checked.problemCount > 0) return checked;
  const publish = await client.post(`/api/imports/${checked.id}/publish`);
  if (publish.status !== 202) throw new Error(`publish answered ${publish.status}`);
  return settled(client, checked.id);
}
