// Preloaded into a Node child when /usr/bin/time is missing: prints its peak RSS at exit for bench/measure.mjs.
process.on('exit', () => process.stderr.write(`__rss_kb=${process.resourceUsage().maxRSS}\n`));
