// `npm run bench -- NAME` runs bench/NAME.ts and prints its result as one JSON line, last.
const BENCHES = ['public-pages', 'deadline', 'deadline-mix', 'upload', 'workbench-load', 'similarity', 'assignment', 'export-10k', 'screening-reports', 'search', 'ranking-fairness'] as const;

const benchName = process.argv[2];
if (!benchName || !(BENCHES as readonly string[]).includes(benchName)) {
  console.error(`usage: npm run bench -- NAME   (one of: ${BENCHES.join(', ')})`);
  process.exit(2);
}
const bench = (await import(`./${benchName}.ts`)) as { run(): Promise<Record<string, unknown>> };
const result = await bench.run();
console.log(JSON.stringify(result));
export {};
