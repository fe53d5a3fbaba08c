/**
 * CPU profile of a benchmark server: `BENCH_SERVER_OPTIONS="--require ./bench/cpu-profile.cjs" npm run bench`
 * (Node refuses `--cpu-prof` in NODE_OPTIONS). Each server process samples from its start and writes
 * `<pid>.cpuprofile` into BENCH_PROFILE_DIR (default: the working directory) when it exits.
 */
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');

let written = false;
function write() {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    const dir = process.env.BENCH_PROFILE_DIR ?? process.cwd();
    fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.on('exit', write);
for (const signal of ['SIGTERM', 'SIGINT']) process.prependListener(signal, write);
