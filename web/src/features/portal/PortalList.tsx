import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { formatSuggestionNumber } from '../../shared/format/number';
import { useListParams } from '../../shared/hooks/useListParams';
import { assignmentRoleLabels, labelOf } from '../../shared/labels/suggestion';
import { Pager } from './Pager';
import { PortalFilters } from './PortalFilters';
import { PortalMessage } from './PortalLayout';
import { RatingTags } from './RatingTags';
import { usePublicSuggestions, type PublicSuggestionItem } from './portal.api';

function SuggestionCard({ s }: { s: PublicSuggestionItem }) {
  return (
    <article className="pt-card">
      <div className="pt-muted">
        {s.sessionName} {formatSuggestionNumber(s.number, s.period)} · {s.categoryName}
      </div>
      <h2>
        <Link to={`/portal/suggestions/${s.id}`}>{s.title}</Link>
      </h2>
      <p className="pt-line">
        领衔代表：{s.leadDeputyName}
        {s.delegationName ? `（${s.delegationName}）` : ''}
      </p>
      {s.units.length > 0 ? (
        <p className="pt-line">
          承办单位：{s.units.map((u) => `${u.name}（${labelOf(assignmentRoleLabels, u.role)}）`).join('、')}
        </p>
      ) : null}
      <div className="pt-tags">
        {s.replyClass ? <span className="pt-tag">答复分类 {s.replyClass}</span> : null}
        <RatingTags rating={s.rating} />
        {s.publishedAt ? <span className="pt-muted">公开于{formatDate(s.publishedAt)}</span> : null}
      </div>
    </article>
  );
}

const texts = {
  all: { title: '代表建议及办理情况公开', lead: '经联工委审定公开的代表建议、承办单位的答复和代表的测评。' },
  unsatisfied: {
    title: '代表不满意的答复',
    lead: '代表对办理态度或办理结果评为「不满意」的建议，承办单位须重新办理。',
  },
};

/** The published suggestions, searched, filtered and paged on the server. */
export function PortalList({ view }: { view: keyof typeof texts }) {
  const { page, pageSize, filters, setFilters, setPage } = useListParams(10);
  const query = { page, pageSize, ...filters, ...(view === 'unsatisfied' ? { unsatisfied: 'true' } : {}) };
  const list = usePublicSuggestions(query);
  const t = texts[view];
  return (
    <>
      <h1>{t.title}</h1>
      <p className="pt-lead">{t.lead}</p>
      <PortalFilters key={view} filters={filters} setFilters={setFilters} showRating={view === 'all'} />
      {list.error ? (
        <PortalMessage error>加载失败：{list.error.message}</PortalMessage>
      ) : list.isLoading ? (
        <PortalMessage>正在加载…</PortalMessage>
      ) : list.data && list.data.items.length > 0 ? (
        <>
          <p className="pt-count" aria-live="polite">
            共{list.data.total}件
          </p>
          {list.data.items.map((s) => (
            <SuggestionCard key={s.id} s={s} />
          ))}
          <Pager page={page} pageSize={pageSize} total={list.data.total} onPage={(p) => setPage(p)} />
        </>
      ) : (
        <PortalMessage>没有符合条件的公开建议</PortalMessage>
      )}
    </>
  );
}
