// Preloaded into a measured sscard process (node --require): on exit, writes
// its peak resident memory and CPU time to $SSCARD_BENCH_USAGE, so that the
// bench reads them from outside the command's own code.
const fs = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeFileSync(process.env.SSCARD_BENCH_USAGE, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
