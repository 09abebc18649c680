/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named). Each benchmark
 * runs our code and its peer on the same data in the same run and prints the ratio. See bench/README.md.
 */
import { benchmarks } from './registry.js';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(benchmarks);
for (const name of names) {
  const bench = benchmarks[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name}`);
  await bench();
}
