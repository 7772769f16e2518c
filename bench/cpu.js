// CPU time the parts of the system used, for the capacity model of `npm run
// bench`: each service instance reports its own (prom-client's
// ct_process_cpu_seconds_total on /metrics); the broker(s) and PostgreSQL are
// read from /proc (user + system ticks of every process that is one of them),
// so a phase's cost is the difference of two readings.
const { readdirSync, readFileSync } = require('node:fs');

/** Kernel clock ticks per second (CLK_TCK): 100 on every Linux this runs on. */
const TICKS = 100;

/** CPU seconds of every process whose command line passes `match`. */
function procCpuSeconds(match) {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!match(cmd)) continue;
      // Fields after the command name in parentheses (which may hold spaces): utime is 14th, stime 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks / TICKS;
}

/** CPU seconds each service (summed over its instances) has used since it started. */
async function serviceCpuSeconds(procs) {
  const out = {};
  for (const { name, port } of procs) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const m = /^ct_process_cpu_seconds_total(?:\{[^}]*\})? (\S+)$/m.exec(text);
    out[name] = (out[name] ?? 0) + (m ? Number(m[1]) : 0);
  }
  return out;
}

/** One reading of every part: services, Kafka (JVMs of the bench's data folders), PostgreSQL. */
async function cpuReading(procs) {
  return {
    ...(await serviceCpuSeconds(procs)),
    kafka: procCpuSeconds((cmd) => cmd.includes('kafka.Kafka') && cmd.includes('kafka-bench')),
    postgres: procCpuSeconds((cmd) => /^postgres[: ]/.test(cmd) || cmd.includes('bin/postgres ')),
  };
}

/** CPU milliseconds per document each part spent between two readings. */
function cpuPerDocument(before, after, documents) {
  const out = {};
  for (const k of Object.keys(after)) out[k] = (1000 * (after[k] - (before[k] ?? 0))) / documents;
  return out;
}

module.exports = { cpuReading, cpuPerDocument, procCpuSeconds };
