// Starts Buurtkracht: read the configuration, open and migrate the database, load the demo
// on first start, listen; on SIGTERM or SIGINT close the server and the database cleanly.
import { buildApp, dailyJobs, frequentWorkers } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { runMigrations } from './db/migrate.js';
import { seedDemoIfEmpty } from './db/seed.js';
import { adminModule } from './modules/admin/index.js';
import { startDailyJobs, startFrequentWorkers } from './platform/jobs.js';
import { mailDeliveryNotice } from './platform/mail.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  if (config.demoMode) await seedDemoIfEmpty(database);
  const app = await buildApp(config, database);
  const stopJobs = startDailyJobs(database.db, dailyJobs(database), app.log);
  const stopWorkers = startFrequentWorkers(
    await frequentWorkers(config, database, app.log, app.mailer),
    app.log,
  );

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    stopJobs();
    stopWorkers();
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  const mailNotice = mailDeliveryNotice(config.smtpUrl);
  if (mailNotice) console.warn(mailNotice);
  // A production installation without an administrator: the one command that makes one.
  const people = await adminModule.api.commandLinePeople(config, database.db);
  const adminNotice = await adminModule.api.firstAdminNotice(config, people);
  if (adminNotice) console.warn(adminNotice);
  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  console.log(`Buurtkracht is ready at ${address} (${where}${config.demoMode ? ', demo' : ''})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Buurtkracht could not start:', error);
  }
  process.exit(1);
});
