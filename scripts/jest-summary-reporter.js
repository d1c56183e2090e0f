// Prints one plain closing line, `jest: N passed, N failed, N skipped`, after Jest's own summary,
// so that CI logs end with a count that tools can read without parsing Jest's layout.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
