import { describe, expect, it } from 'vitest';
import { login, useTestApp } from '../../test/test-app.js';
import { backends } from '../../test/test-database.js';
import { sampleRowCount, sampleSuggestionsFile } from './import.sample.js';
import { importFile } from './import.test-kit.js';

// 6,667 suggestions, each with its unit and its reply: a file of 20,001 rows.
const SUGGESTIONS = 6_667;

describe.each(backends)('a 20,000-row file (%s)', (backend) => {
  const t = useTestApp(backend);

  it('imports every row, in one publish, counted back by the figures', { timeout: 60_000 }, async () => {
    expect(sampleRowCount(SUGGESTIONS)).toBeGreaterThanOrEqual(20_000);
    const office = await login(t.app, 'office');
    const file = await sampleSuggestionsFile(SUGGESTIONS, {
      deputies: ['张建国', '李秀英', '王志强'],
      units: ['湖南省交通运输厅', '湖南省发展和改革委员会', '湖南省教育厅', '湖南省总工会'],
      categories: ['教育', '交通运输', '农业农村'],
      term: 12,
      firstSession: 1,
      sessions: 5,
      firstYear: 2019,
    });
    const started = Date.now();
    const job = await importFile(t.app, office, 'suggestions', file);
    const seconds = (Date.now() - started) / 1000;
    expect(job.problems).toEqual([]);
    expect(job.state).toBe('done');
    expect(job.totalRows).toBe(sampleRowCount(SUGGESTIONS));
    expect(job.counts).toMatchObject({ sessions: 5, suggestions: SUGGESTIONS });
    const figures = (await office.get('/api/figures/overview')).body;
    expect(figures.received.inSession).toBe(SUGGESTIONS);
    expect(figures.feedback.rated).toBe(SUGGESTIONS);
    expect(figures.replies.closed).toBe(SUGGESTIONS);
    console.log(`${backend}: ${job.totalRows} rows imported in ${seconds.toFixed(1)} s`);
  });
});
