// The browser journeys and checks of issue 3, against the built server with the demo province.
// Run: npm run e2e (builds first). Screenshots: e2e/screenshots/<journey>/NN-step.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { camera, launchBrowser, screenshotRoot } from './support/browser.mjs';
import { startServer } from './support/server.mjs';
import { checkPage, rolePages, screens } from './journeys/accessibility.mjs';
import { firstVisit } from './journeys/first-visit.mjs';
import { mainJourney } from './journeys/main-journey.mjs';
import { ledgerJourney } from './journeys/ledger-journey.mjs';
import { figuresJourney } from './journeys/figures-journey.mjs';
import { phoneJourney } from './journeys/phone-journey.mjs';
import { reassignmentJourney } from './journeys/reassignment-journey.mjs';
import { setupJourney } from './journeys/setup-journey.mjs';

describe('连心 in the browser', { timeout: 900_000 }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    console.log(
      `# server ready in ${(server.readyMs / 1000).toFixed(1)} s at ${server.baseURL}; screenshots under ${screenshotRoot}`,
    );
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** On a failure, a picture of every open page, to see what the browser saw. */
  const run = (name, journey) => async (t) => {
    try {
      await journey(t);
    } catch (error) {
      let i = 0;
      for (const page of browser.contexts().flatMap((c) => c.pages())) {
        i += 1;
        await page
          .screenshot({ path: path.join(screenshotRoot, `FAILED-${name}-${i}.png`), fullPage: true })
          .catch(() => undefined);
      }
      throw error;
    } finally {
      for (const c of browser.contexts()) await c.close().catch(() => undefined);
    }
  };
  const log = (t) => (m) => t.diagnostic(m);

  test(
    'first visit: the portal and the login page make no failing request and log no console error',
    { timeout: 120_000 },
    run('first-visit', async (t) => {
      const problems = await firstVisit(browser, server.baseURL, log(t));
      assert.deepEqual(problems, []);
    }),
  );

  test(
    'main journey: write → register → assign → handle → 不满意 → re-handle → 满意 → publish → portal',
    { timeout: 300_000 },
    run('main', (t) => mainJourney(browser, server.baseURL, log(t))),
  );
  test(
    'reassignment: the unit asks, the office accepts, the new unit has it, the old one not',
    { timeout: 180_000 },
    run('reassignment', (t) => reassignmentJourney(browser, server.baseURL, log(t))),
  );
  test(
    'ledger: the unit reports progress and asks 销号, the deputy is satisfied and accepts, the office marks it done',
    { timeout: 180_000 },
    run('ledger', (t) => ledgerJourney(browser, server.baseURL, log(t))),
  );
  test(
    'figures: the office narrows the dashboard to one unit, and its number opens a list of that many',
    { timeout: 120_000 },
    run('figures', (t) => figuresJourney(browser, server.baseURL, log(t))),
  );
  test(
    'phone (375 × 812): the deputy writes, submits, follows, reads the reply and rates',
    { timeout: 180_000 },
    run('phone', (t) => phoneJourney(browser, server.baseURL, log(t))),
  );

  test(
    'setup journey: the administrator creates a county congress and its office; the office imports 200 deputies and 30 units, opens a session; a deputy submits and the office registers 第1号',
    { timeout: 420_000 },
    run('setup', (t) => setupJourney(browser, server.baseURL, log(t))),
  );

  describe('accessibility (axe-core): no serious or critical violations, at laptop and at phone width', () => {
    const shoot = camera('accessibility');
    for (const screen of screens) {
      for (const p of rolePages) {
        test(
          `${screen.name} ${screen.size}: ${p.role} ${p.path}`,
          { timeout: 90_000 },
          run(`axe-${screen.id}-${p.id ?? p.user ?? p.path.slice(1)}`, async (t) => {
            const r = await checkPage(
              browser,
              server.baseURL,
              p,
              screen.options,
              shoot,
              `${screen.id}-${p.id ?? p.user ?? p.path.slice(1)}`,
            );
            t.diagnostic(
              `${r.all} violations in all; serious or critical: ${r.bad.length}${r.minor.length ? `; others: ${r.minor.join(', ')}` : ''}`,
            );
            assert.deepEqual(r.bad, [], JSON.stringify(r.bad, null, 2));
          }),
        );
      }
    }
  });
});
