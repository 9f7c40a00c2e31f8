// A Vitest reporter for scripts/test.mjs: the counts of one suite, every skipped test with the
// note it was skipped with (`ctx.skip(note)`), and the test files that could not load.
// The file it writes is named by CADRE_TEST_SUMMARY.
import { writeFileSync } from 'node:fs';

export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const summary = {
      reason,
      files: testModules.length,
      passed: 0,
      failed: 0,
      skipped: 0,
      skippedTests: [],
      brokenFiles: [],
      unhandledErrors: unhandledErrors.length,
    };
    for (const testModule of testModules) {
      const errors = testModule.errors();
      if (errors.length > 0) {
        summary.brokenFiles.push({
          file: testModule.relativeModuleId,
          message: errors.map((error) => error.message).join('; '),
        });
      }
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') summary.passed += 1;
        else if (result.state === 'failed') summary.failed += 1;
        else {
          summary.skipped += 1;
          summary.skippedTests.push({
            file: testModule.relativeModuleId,
            name: test.fullName,
            note: result.state === 'skipped' ? (result.note ?? null) : 'did not finish',
          });
        }
      }
    }
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/test.mjs for this reporter alone
    const file = process.env.CADRE_TEST_SUMMARY;
    if (file) writeFileSync(file, JSON.stringify(summary));
  }
}
