// The requests of session-peak's phases, as autocannon options: unit staff reading, and
// deputies writing and submitting, each tallied as it is answered.

import { latencyOf, summarise } from './measure.mjs';

/** Unit staff rotate through their sessions, one request each. */
export function listRequests(base, unitSessions) {
  let next = 0;
  return {
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest(req) {
          const a = unitSessions[next++ % unitSessions.length];
          req.path = '/api/suggestions?page=1&pageSize=20';
          req.headers = { ...req.headers, cookie: a.cookie };
          return req;
        },
      },
    ],
  };
}

export function detailRequests(base, unitSessions, idsByUnit) {
  let next = 0;
  return {
    url: base,
    requests: [
      {
        method: 'GET',
        setupRequest(req) {
          const a = unitSessions[next++ % unitSessions.length];
          const ids = idsByUnit.get(a.unitId);
          req.path = `/api/suggestions/${ids[Math.floor(Math.random() * ids.length)]}`;
          req.headers = { ...req.headers, cookie: a.cookie };
          return req;
        },
      },
    ],
  };
}

/** A deputy's write: session, CSRF token, and only the new state back (RFC 7240), as a bulk client asks. */
function deputyWrite(d) {
  return { cookie: d.cookie, 'x-csrf-token': d.csrf, 'content-type': 'application/json', prefer: 'return=minimal' };
}

/** The n-th suggestion the deputies write. */
function newSuggestion(n, categoryCodes) {
  return {
    title: `关于改进第${n + 1}号民生事项的建议`,
    body: `基层群众反映，第${n + 1}号民生事项办理周期较长。建议简化流程、明确时限、公开进度，方便群众监督。`,
    categoryCode: categoryCodes[n % categoryCodes.length],
  };
}

/** Deputies in rotation: each connection creates a draft, then submits it. */
export function submissionRequests(base, deputySessions, categoryCodes, tally) {
  let next = 0;
  const now = () => performance.now();
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/suggestions',
        setupRequest(req, context) {
          const n = next++;
          const d = deputySessions[n % deputySessions.length];
          context.deputy = d;
          context.t0 = now();
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify(newSuggestion(n, categoryCodes));
          tally.createsSent++;
          return req;
        },
        onResponse(status, body, context) {
          const t = now();
          tally.createLatency.push(t - context.t0);
          if (status === 201) {
            const m = /^\{"id":(\d+),"version":(\d+)/.exec(body);
            const parsed = m ? { id: Number(m[1]), version: Number(m[2]) } : JSON.parse(body);
            context.id = parsed.id;
            context.version = parsed.version;
            tally.created++;
          } else {
            tally.failures[`create ${status}`] = (tally.failures[`create ${status}`] ?? 0) + 1;
          }
        },
      },
      {
        method: 'POST',
        setupRequest(req, context) {
          if (!context.id) return null; // the draft failed: start again with a new one
          const d = context.deputy;
          context.t1 = now();
          req.path = `/api/suggestions/${context.id}/submit`;
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify({ version: context.version });
          tally.submitsSent++;
          return req;
        },
        onResponse(status, _body, context) {
          const t = now();
          tally.submitLatency.push(t - context.t1);
          if (status >= 200 && status < 300) {
            tally.acknowledged.push(context.id);
            tally.submissionLatency.push(t - context.t0);
          } else {
            tally.failures[`submit ${status}`] = (tally.failures[`submit ${status}`] ?? 0) + 1;
          }
        },
      },
    ],
  };
}

/** Deputies in rotation: each request writes a new suggestion and submits it at once (`submit: true`). */
export function oneStepSubmissionRequests(base, deputySessions, categoryCodes, tally) {
  let next = 0;
  const now = () => performance.now();
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/suggestions',
        setupRequest(req, context) {
          const n = next++;
          const d = deputySessions[n % deputySessions.length];
          context.t0 = now();
          req.headers = { ...req.headers, ...deputyWrite(d) };
          req.body = JSON.stringify({ ...newSuggestion(n, categoryCodes), submit: true });
          tally.createsSent++;
          return req;
        },
        onResponse(status, body, context) {
          const t = now();
          tally.createLatency.push(t - context.t0);
          if (status === 201) {
            const m = /^\{"id":(\d+)/.exec(body);
            tally.acknowledged.push(m ? Number(m[1]) : JSON.parse(body).id);
            tally.submissionLatency.push(t - context.t0);
          } else {
            tally.failures[`create+submit ${status}`] = (tally.failures[`create+submit ${status}`] ?? 0) + 1;
          }
        },
      },
    ],
  };
}

export function newTally() {
  return {
    createsSent: 0,
    submitsSent: 0,
    created: 0,
    acknowledged: [],
    failures: {},
    createLatency: [],
    submitLatency: [],
    submissionLatency: [],
  };
}

export function submissionFigures(result, tally) {
  const seconds = result.duration;
  return {
    ...summarise(result),
    submissions: tally.acknowledged.length,
    submissionsPerSecond: tally.acknowledged.length / seconds,
    failures: tally.failures,
    create: latencyOf(tally.createLatency),
    submit: latencyOf(tally.submitLatency),
    submission: latencyOf(tally.submissionLatency),
  };
}
