// Preloaded into a process (`node --require bench/maxrss.cjs …`) to report its peak resident set
// size on exit, on stderr, for bench/run.mjs. Linux reports ru_maxrss in KB.
'use strict';
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
