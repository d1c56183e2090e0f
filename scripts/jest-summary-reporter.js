const { writeSync } = require('node:fs');

// Prints one plain closing line, `jest: N passed, N failed, N skipped`, after Jest's own summary,
// so that CI logs end with a count that tools can read without parsing Jest's layout. Jest prints
// its summary after every custom reporter has run, so the line is written when the process exits.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => writeSync(2, line));
  }
}

module.exports = SummaryReporter;
