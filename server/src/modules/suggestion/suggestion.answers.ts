import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SuggestionRow } from '../../db/schema.js';
import { writeFailures } from '../../platform/api-schemas.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { preferHeaders, suggestionAnswer, type suggestionDetail } from './suggestion.detail.schemas.js';
import { presentSuggestion } from './suggestion.presenter.js';
import { findVisibleSuggestion } from './suggestion.repository.js';
import { readSuggestionDetail } from './suggestion.detail.js';
import type { SuggestionStatus } from './suggestion.workflow.js';

// What every write on one suggestion shares, for the routes of the deputy and the office
// (suggestion.routes.ts) and of the handling units (handling.routes.ts): its schema parts,
// one command in one transaction, and the answer.

export const tags = ['代表建议'];

/** How a write on one suggestion chains: the ability that enables it, what it needs, what it answers. */
export function chained(ability: string, what: string, version: 'version' | 'no version'): string {
  return [
    `前提：详情（GET /api/suggestions/{id}）的 abilities.${ability} 为 true，否则答复 403 或 409。`,
    what,
    version === 'version'
      ? '请求体带读到的 version（详情或列表中的 version）；他人已先行修改则答复 409，应重新读取详情后再试。'
      : '无需 version。',
    '答复建议的最新详情（新的 version 与 abilities）；请求头 Prefer: return=minimal 时只答复 {id, version, status}。',
  ].join('\n\n');
}

type SuggestionDetail = z.output<typeof suggestionDetail>;
type SuggestionAnswer = z.output<typeof suggestionAnswer>;

/**
 * The presenter's answer as the schema types it. The presenter passes some columns on as the
 * row types them (a part's `state` is a string column): the database's CHECK constraints keep
 * them to the schema's values, `sameShape` above checks the fields, and the serializer each value.
 */
const asDetail = (presented: Awaited<ReturnType<typeof presentSuggestion>>) => presented as unknown as SuggestionDetail;

/** The schema parts every write on one suggestion shares. */
export const onSuggestion = (operationId: string, summary: string, description: string) => ({
  tags,
  operationId,
  summary,
  description,
  headers: preferHeaders,
  response: { 200: suggestionAnswer, ...writeFailures },
});

export function suggestionAnswers(ctx: AppContext) {
  const today = () => chinaToday(ctx.clock.now());
  /**
   * One command in one transaction, then the suggestion as this viewer now sees it — or, when
   * the client sends `Prefer: return=minimal` (RFC 7240), only its id, version and status.
   */
  async function act(request: FastifyRequest, viewer: Viewer, id: number, command: (tx: Tx) => Promise<unknown>) {
    await ctx.db.transaction().execute(command);
    return answer(request, viewer, id);
  }
  async function answer(
    request: FastifyRequest,
    viewer: Viewer,
    target: number | SuggestionRow,
  ): Promise<SuggestionAnswer> {
    const id = typeof target === 'number' ? target : target.id;
    if (request.headers.prefer !== 'return=minimal') return detail(viewer, id);
    // The row the viewer's own command just wrote needs no second look; otherwise the
    // viewer may have lost sight of it through the change.
    const s = typeof target === 'number' ? await findVisibleSuggestion(ctx.db, viewer, id) : target;
    if (!s) throw notFound('建议');
    return { id: s.id, version: s.version, status: s.status as SuggestionStatus };
  }
  async function detail(viewer: Viewer, id: number): Promise<SuggestionDetail> {
    // The detail is one read; what the abilities may read after it shares its connection.
    return ctx.db.connection().execute(async (conn) => {
      const found = await readSuggestionDetail(conn, viewer, id);
      if (!found) throw notFound('建议');
      return asDetail(await presentSuggestion(conn, viewer, found, today()));
    });
  }
  return { today, act, answer, detail };
}
