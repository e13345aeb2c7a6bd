import { Link, useParams } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { formatSuggestionNumber } from '../../shared/format/number';
import { assignmentRoleLabels, labelOf } from '../../shared/labels/suggestion';
import { PortalMessage } from './PortalLayout';
import { RatingTags } from './RatingTags';
import { usePublicSuggestion, type PublicReply, type PublicSuggestion } from './portal.api';

function ReplyLetter({ s, r }: { s: PublicSuggestion; r: PublicReply }) {
  const title = s.title.startsWith('《') ? s.title : `《${s.title}》`;
  return (
    <article className="pt-letter" aria-label={`${r.unitName}的答复`}>
      <div className="pt-letter-head">
        <span className="pt-class">{r.classCode}</span>
        <span>{r.docNumber}</span>
      </div>
      <p>{s.leadDeputyName}代表：</p>
      {r.body.includes('收悉') ? null : <p style={{ textIndent: '2em' }}>您提出的{title}收悉。经研究，现答复如下：</p>}
      <div className="pt-body" style={{ textIndent: '2em' }}>
        {r.body}
      </div>
      <p className="pt-sign">{r.unitName}</p>
      <p className="pt-sign">{formatDate(r.sentAt)}</p>
    </article>
  );
}

/** One published suggestion: the text, who handles it, every reply letter, the deputy's rating. */
export function PortalDetail() {
  const id = Number(useParams().id);
  const q = usePublicSuggestion(id);
  const s = q.data;
  return (
    <>
      <nav className="pt-crumbs" aria-label="位置">
        <Link to="/portal">公开建议</Link> › 建议详情
      </nav>
      {q.error ? <PortalMessage error>{q.error.message}</PortalMessage> : null}
      {q.isLoading ? <PortalMessage>正在加载…</PortalMessage> : null}
      {s ? (
        <>
          <section className="pt-card" aria-labelledby="pt-title">
            <div className="pt-muted">
              {s.sessionName} {formatSuggestionNumber(s.number, s.period)}
            </div>
            <h1 id="pt-title">{s.title}</h1>
            <dl className="pt-meta">
              <dt>领衔代表</dt>
              <dd>
                {s.leadDeputyName}
                {s.delegationName ? `（${s.delegationName}）` : ''}
              </dd>
              {s.coSignerNames.length ? (
                <>
                  <dt>联名代表</dt>
                  <dd>{s.coSignerNames.join('、')}</dd>
                </>
              ) : null}
              <dt>类别</dt>
              <dd>{s.categoryName}</dd>
              <dt>承办单位</dt>
              <dd>{s.units.map((u) => `${u.name}（${labelOf(assignmentRoleLabels, u.role)}）`).join('、') || '—'}</dd>
              {s.publishedAt ? (
                <>
                  <dt>公开日期</dt>
                  <dd>{formatDate(s.publishedAt)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="pt-card" aria-labelledby="pt-body">
            <h2 id="pt-body">建议内容</h2>
            <div className="pt-body">{s.body}</div>
          </section>
          <section className="pt-card" aria-labelledby="pt-replies">
            <h2 id="pt-replies">办理答复</h2>
            {s.replies.length === 0 ? (
              <p className="pt-muted">尚无公开的答复</p>
            ) : (
              s.replies.map((r, i) => <ReplyLetter key={i} s={s} r={r} />)
            )}
          </section>
          <section className="pt-card" aria-labelledby="pt-rating">
            <h2 id="pt-rating">代表测评</h2>
            {s.rating ? (
              <div className="pt-tags">
                <RatingTags rating={s.rating} />
              </div>
            ) : (
              <p className="pt-muted">代表尚未测评</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
