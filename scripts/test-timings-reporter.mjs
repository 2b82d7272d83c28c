// A reporter for node's test runner that notes how long each test file took (the describe
// blocks scripts/test-shards.mjs names after the files), one JSON line per file, so that the
// next run can balance its shards. Used by scripts/run-tests.mjs next to the spec reporter.
export default async function* timings(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, details } = event.data;
    if (nesting === 0 && /\.test\.tsx?$/.test(name)) {
      yield `${JSON.stringify({ file: name, ms: Math.round(details.duration_ms) })}\n`;
    }
  }
}
