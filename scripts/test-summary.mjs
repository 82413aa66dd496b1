// Prints one closing line over all test runs: "N passed, N failed" (', N skipped' when any).
// A suite that failed to load (no test ran in it) or a run that left no report counts as one failure each, so
// the line can never read green when something did not run.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const suite of report.testResults ?? []) {
      const ran = (suite.assertionResults ?? []).some((t) => t.status === 'failed');
      if (suite.status === 'failed' && !ran) {
        failed += 1;
        console.error(
          `suite failed to run: ${suite.name}${suite.message ? ` — ${suite.message.split('\n')[0]}` : ''}`,
        );
      }
    }
    if (
      report.success === false &&
      (report.numFailedTests ?? 0) === 0 &&
      (report.numFailedTestSuites ?? 0) === 0
    ) {
      failed += 1;
      console.error(`the run in ${file} failed outside any test`);
    }
  } catch {
    failed += 1;
    console.error(`missing or unreadable test report: ${file}`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
