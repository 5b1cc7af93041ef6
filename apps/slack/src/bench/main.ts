/**
 * The Slack app's figures for issue 8: acknowledgement time of Bolt's HTTP receiver under 50
 * concurrent connections (against a bare node:http server), and time from a command to its reply with
 * a chart (against the same reply without the chart). Everything runs on 127.0.0.1 against a local
 * fake of Slack's Web API. Run with `pnpm --filter @mlsys/slack bench` (after a build).
 */
import { cpus, loadavg } from 'node:os';
import { startFakeSlackApi } from '../testing/fake-slack-api.js';
import { ackBench } from './ack-bench.js';
import type { BotErrors } from './bench-bot.js';
import { chartBench } from './chart-bench.js';
import { startResponseSink } from './response-sink.js';

console.log(
  `machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' / ',
    )} (bot and fake Web API on the main thread; load clients and the response_url endpoint they read replies on in a worker)`,
);
const api = await startFakeSlackApi();
const sink = await startResponseSink();
const errors: BotErrors = { incidents: 0, logged: 0 };
try {
  await ackBench(api, errors);
  await chartBench(api, sink, errors);
} finally {
  await sink.close();
  await api.close();
}
if (errors.incidents + errors.logged > 0) {
  console.log(`bot errors during the bench: ${errors.incidents} incidents, ${errors.logged} logged failures`);
}
