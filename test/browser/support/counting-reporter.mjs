import { writeFileSync } from 'node:fs';

/** Counts passed and failed tests over all sessions, and writes them as JSON for the test summary. */
export function countingReporter(outputFile) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const visit = (suite) => {
        for (const test of suite.tests ?? []) test.passed ? passed++ : test.skipped ? 0 : failed++;
        for (const child of suite.suites ?? []) visit(child);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      if (outputFile) writeFileSync(outputFile, JSON.stringify({ runner: 'browser', passed, failed }));
    },
  };
}
