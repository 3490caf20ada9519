/**
 * `npm run bench`: measures what users feel. Each module in bench/ returns named figures;
 * the last line of output is one JSON object with every figure, so runs can be compared.
 * A benchmark, not a test: it asserts nothing and never fails on a slow machine.
 */
import { benches } from '../bench/registry';

const figures: Record<string, number> = {};
for (const bench of benches) {
  const started = performance.now();
  process.stdout.write(`${bench.name}…\n`);
  const result = await bench.run();
  for (const [key, value] of Object.entries(result)) {
    figures[key] = Math.round(value * 1000) / 1000;
    process.stdout.write(`  ${key}: ${figures[key]}\n`);
  }
  process.stdout.write(`  (${Math.round(performance.now() - started)} ms)\n`);
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
