import { parse } from 'devalue';
import { describe, expect, it } from 'vitest';
import { checkCall, checkPage, checkStream, type Problem, type Visitor } from '../support/checks.js';
import { call, resent, secret, serverFnIds, sessionCookie, userName } from '../support/client.js';
import { report } from '../support/results.js';

/** Users, each with a session, sending one request each at the same time (rounds of them). */
const USERS = Number(process.env.LITFLARE_STRESS_USERS ?? 1000);
const ROUNDS = Number(process.env.LITFLARE_STRESS_ROUNDS ?? 3);

describe(`isolation: ${USERS} concurrent users, ${ROUNDS} rounds`, () => {
  it('every answer carries its own request’s data and nobody else’s', async () => {
    const ids = await serverFnIds();
    const resentBefore = resent.count;
    const started = Date.now();
    // Sign everyone in at once: each gets a session of its own.
    const users = Array.from({ length: USERS }, userName);
    const visitors: Visitor[] = await Promise.all(
      users.map(async (user) => {
        const response = await call(ids.login!, [user]);
        if (parse(await response.text()) !== user) throw new Error(`login of ${user} answered ${response.status}`);
        return { user, cookie: sessionCookie(response) };
      }),
    );
    expect(new Set(visitors.map((visitor) => visitor.cookie)).size).toBe(USERS);

    const kinds = ['page with slow boundaries', 'server function call', 'streamed result'] as const;
    const counts = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<(typeof kinds)[number], number>;
    const problems: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Every user at once, each request kind mixed with the others.
      await Promise.all(
        visitors.map(async (visitor, i) => {
          const kind = kinds[(i + round) % kinds.length]!;
          const mine = secret();
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          let problem: Problem;
          try {
            problem =
              kind === 'page with slow boundaries'
                ? await checkPage(visitor, mine)
                : kind === 'server function call'
                  ? await checkCall(ids, visitor, mine)
                  : await checkStream(ids, visitor, mine);
          } catch (error) {
            problem = `failed: ${String(error)} (${String((error as { cause?: unknown }).cause)})`;
          } finally {
            inFlight--;
          }
          counts[kind]++;
          if (problem !== undefined) problems.push(`${kind} of ${visitor.user}: ${problem}`);
        }),
      );
    }
    const seconds = (Date.now() - started) / 1000;
    const total = USERS * ROUNDS;
    report('1-concurrency', {
      order: 1,
      title: `1. Isolation under load: ${USERS.toLocaleString('en')} concurrent users × ${ROUNDS} rounds`,
      passed: problems.length === 0,
      body: [
        `${USERS.toLocaleString('en')} users signed in at once (a session each, in D1), then, ${ROUNDS} times, all of them sent one request at the same`,
        `moment: up to ${maxInFlight.toLocaleString('en')} requests in flight. Each request carried a secret of its own (in the query or arguments and in a`,
        'header); every answer was checked to carry that secret, the header and its session’s user at every place it shows them,',
        'read after awaits on KV and D1, and to mention no other secret or user. One connection per request (no keep-alive);',
        `requests sent again because the server closed their connection before any answer: ${resent.count - resentBefore}.`,
        '',
        '| requests | pages with 3 slow boundaries | server function calls | streamed results (5 items) | answers with another request’s data or an error | time |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${total.toLocaleString('en')} (+ ${USERS.toLocaleString('en')} sign-ins) | ${counts['page with slow boundaries']} | ${counts['server function call']} | ${counts['streamed result']} | **${problems.length}** | ${seconds.toFixed(1)} s |`,
        ...(problems.length > 0 ? ['', 'First problems:', '', ...problems.slice(0, 10).map((problem) => `- ${problem}`)] : []),
      ].join('\n'),
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
