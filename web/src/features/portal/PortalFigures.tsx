import { formatDate } from '../../shared/format/date';
import { useState } from 'react';
import { Link } from 'react-router';
import { PortalMessage } from './PortalLayout';
import { usePublicFigures, usePublicOptions } from './portal.api';

const share = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 办理情况: one session's figures, the unit ranking and the sessions side by side, over disclosed suggestions. */
export function PortalFigures() {
  const [sessionId, setSessionId] = useState<number | undefined>(undefined);
  const options = usePublicOptions();
  const q = usePublicFigures(sessionId);
  const f = q.data;
  return (
    <>
      <h1>办理情况与单位排名</h1>
      <p className="pt-lead">
        以下数字只统计已公开的建议，截至{f ? formatDate(f.asOf) : '今日'}。不满意的答复见
        <Link to="/portal/unsatisfied">不满意答复</Link>。
      </p>
      <div className="pt-filters">
        <label>
          会议
          <select
            value={sessionId ?? f?.session?.id ?? ''}
            onChange={(e) => setSessionId(e.target.value ? Number(e.target.value) : undefined)}
          >
            {(options.data?.sessions ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.isError ? <PortalMessage error>数字暂时无法读取，请稍后再试。</PortalMessage> : null}
      {f && !f.figures ? <PortalMessage>尚无公开的建议。</PortalMessage> : null}
      {f?.figures ? (
        <>
          <section className="pt-card" aria-labelledby="pt-figures-title">
            <h2 id="pt-figures-title">{f.session?.name}</h2>
            <dl className="pt-meta">
              <dt>公开建议</dt>
              <dd>{f.figures.disclosed}件</dd>
              <dt>已答复</dt>
              <dd>{f.figures.replied}件</dd>
              <dt>代表反馈测评</dt>
              <dd>
                {f.figures.feedback}件（反馈率{share(f.figures.feedbackShare)}）
              </dd>
              <dt>办理态度很满意和满意</dt>
              <dd>{share(f.figures.attitudeGoodShare)}</dd>
              <dt>办理结果很满意和满意</dt>
              <dd>{share(f.figures.resultGoodShare)}</dd>
              <dt>已解决、已有规定和计划解决（A类和B类）</dt>
              <dd>{share(f.figures.classABShare)}</dd>
            </dl>
          </section>
          <section className="pt-card" aria-labelledby="pt-ranking-title">
            <h2 id="pt-ranking-title">承办单位排名</h2>
            <p className="pt-muted">
              依次按办理结果满意率、办理态度满意率、按时答复率排名；尚无代表测评的单位列在最后。
            </p>
            {/* A phone scrolls the table sideways; the keyboard can too. */}
            <div className="pt-table-wrap" tabIndex={0} role="region" aria-label="承办单位排名表">
              <table className="pt-table">
                <thead>
                  <tr>
                    <th scope="col">名次</th>
                    <th scope="col">承办单位</th>
                    <th scope="col">主办</th>
                    <th scope="col">会办</th>
                    <th scope="col">已测评</th>
                    <th scope="col">按时答复率</th>
                    <th scope="col">态度满意率</th>
                    <th scope="col">结果满意率</th>
                  </tr>
                </thead>
                <tbody>
                  {f.units.map((u) => (
                    <tr key={u.unitName}>
                      <td>{u.rank ?? '—'}</td>
                      <th scope="row">{u.unitName}</th>
                      <td>{u.assignedLead}</td>
                      <td>{u.assignedCo}</td>
                      <td>{u.feedback}</td>
                      <td>{share(u.repliedOnTimeShare)}</td>
                      <td>{share(u.attitudeGoodShare)}</td>
                      <td>{share(u.resultGoodShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="pt-card" aria-labelledby="pt-sessions-title">
            <h2 id="pt-sessions-title">历次会议</h2>
            <div className="pt-table-wrap" tabIndex={0} role="region" aria-label="历次会议表">
              <table className="pt-table">
                <thead>
                  <tr>
                    <th scope="col">会议</th>
                    <th scope="col">公开建议</th>
                    <th scope="col">已答复</th>
                    <th scope="col">反馈率</th>
                    <th scope="col">结果满意率</th>
                    <th scope="col">A类和B类</th>
                  </tr>
                </thead>
                <tbody>
                  {f.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      <td>{s.disclosed}</td>
                      <td>{s.replied}</td>
                      <td>{share(s.feedbackShare)}</td>
                      <td>{share(s.resultGoodShare)}</td>
                      <td>{share(s.classABShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
