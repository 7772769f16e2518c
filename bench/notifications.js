// Notifications benchmark: 1,000,000 watched items with their planned alerts;
// how long a scheduler pass takes when nothing is due, and how fast due
// alerts are raised and delivered to a local SMTP server.
//   npm run bench:notifications   [ITEMS=1000000 DUE=20000]
// Runs the service's scheduler in-process (from dist/) on its own broker
// (bench/broker.js) and a throwaway database.
require('reflect-metadata');
const { join } = require('node:path');
const { sql, ms, pct, ADMIN_URL, dbUrl, signingKeys } = require('./lib');
const { SMTPServer } = require('smtp-server');
const { NestFactory } = require('@nestjs/core');
const { BROKERS, startBroker, stopBroker } = require('./broker');

const root = join(__dirname, '..');
const dist = (p) => require(join(root, 'dist/services/notifications/src', p));
const ITEMS = Number(process.env.ITEMS ?? 1_000_000);
const DUE = Number(process.env.DUE ?? 20_000);
const db = `ct_bench_notify_${Date.now()}`;
const admin = ADMIN_URL;
const url = dbUrl(db);

const q = (text, params, conn = url) => sql(conn, text, params);

async function main() {
  startBroker();
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
  await q(`CREATE DATABASE ${db}`, [], admin);
  let app;
  try {
    const { notificationsEnv } = dist('config/notifications.env');
    const env = notificationsEnv.parse({
      DATABASE_URL: url,
      KAFKA_BROKERS: BROKERS.join(','),
      LOG_LEVEL: 'warn',
      SCHEDULER_INTERVAL_MS: '3600000',
      SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
      ...signingKeys(),
    });
    await require(join(root, 'dist/libs/messaging/src')).ensureTopics(BROKERS);
    app = await NestFactory.createApplicationContext(dist('app.module').AppModule.forRoot(env), {
      logger: false,
    });
    await app.init();
    const scheduler = app.get(dist('alerts/alert-scheduler.service').AlertScheduler);
    const raiser = app.get(dist('alerts/alert-raiser').AlertRaiser);
    const dispatcher = app.get(dist('deliveries/delivery-dispatcher').DeliveryDispatcher);

    // 1M watched items, each with its four alerts planned (30 and 7 days before, on the day, overdue),
    // due from 60 days on: none is due yet whatever the day the benchmark runs.
    let t0 = process.hrtime.bigint();
    for (let from = 1; from <= ITEMS; from += 200_000) {
      const to = Math.min(ITEMS, from + 199_999);
      await q(`
        WITH items AS (
          SELECT ('01900000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid AS id, g,
                 CURRENT_DATE + 60 + (g % 1400) AS due
          FROM generate_series(${from}, ${to}) g
        ), w AS (
          INSERT INTO notifications.watched_deadlines (item_id, kind, actor, action, status, due_date, owner, item_version)
          SELECT id, (ARRAY['mandate','pledge','event'])[1 + g % 3], 'Actor ' || (g % 200), 'prepare report ' || g, 'open', due, NULL, 1
          FROM items
        )
        INSERT INTO notifications.alerts (key, item_id, reason, due_date, fire_at, planned_at)
        SELECT i.id || ':' || r.reason || ':' || i.due, i.id, r.reason, i.due, (i.due + r.days)::timestamptz, now()
        FROM items i CROSS JOIN (VALUES ('before:30d', -30), ('before:7d', -7), ('due', 0), ('overdue:1', 1)) AS r(reason, days)`);
    }
    await q('ANALYZE notifications.alerts');
    await q('ANALYZE notifications.watched_deadlines');
    const loadS = ms(t0) / 1000;
    await q(
      `INSERT INTO notifications.subscriptions (subscriber, channel, target) VALUES ('bench', 'email', 'desk@example.org')`,
    );

    const idle = [];
    for (let i = 0; i < 30; i++) {
      t0 = process.hrtime.bigint();
      const r = await scheduler.runOnce();
      idle.push(ms(t0));
      if (r.raised !== 0) throw new Error('something was due');
    }

    // DUE alerts fall due at once.
    await q(
      `UPDATE notifications.alerts SET fire_at = now() - interval '1 minute'
       WHERE key IN (SELECT key FROM notifications.alerts WHERE reason = 'before:30d' ORDER BY item_id LIMIT $1)`,
      [DUE],
    );
    t0 = process.hrtime.bigint();
    let raised = 0;
    for (let n = 500; n === 500; raised += n) n = await raiser.raiseDue();
    const raiseS = ms(t0) / 1000;
    t0 = process.hrtime.bigint();
    const sent = await dispatcher.deliverPending();
    const sendS = ms(t0) / 1000;

    console.log(
      `\nwatched items: ${ITEMS.toLocaleString('en')} with ${(4 * ITEMS).toLocaleString('en')} planned alerts, loaded in ${loadS.toFixed(1)} s`,
    );
    console.log(
      `scheduler pass with nothing due (30 passes): p50 ${pct(idle, 50).toFixed(1)} ms, max ${Math.max(...idle).toFixed(1)} ms (goal < 500 ms)`,
    );
    console.log(
      `raised ${raised.toLocaleString('en')} due alerts in ${raiseS.toFixed(1)} s: ${(raised / raiseS).toFixed(0)} alerts/s (goal >= 1,000/s)`,
    );
    console.log(
      `delivered ${sent.delivered.toLocaleString('en')} emails (${received.toLocaleString('en')} received by the SMTP server, ${sent.failed} failed) in ${sendS.toFixed(1)} s: ${(sent.delivered / sendS).toFixed(0)} emails/s`,
    );
  } finally {
    await app?.close();
    await new Promise((r) => smtp.close(r));
    await q(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`, [], admin);
    stopBroker();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
