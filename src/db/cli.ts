// npm run db:migrate | db:seed — the same steps npm start takes, one at a time.
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { runMigrations } from './migrate.js';
import { seedDemoIfEmpty } from './seed.js';

const command = process.argv[2];
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (command === 'migrate') {
    await runMigrations(database);
    console.log('Migrations applied.');
  } else if (command === 'seed') {
    await runMigrations(database);
    console.log(
      (await seedDemoIfEmpty(database)) ? 'Demo data loaded.' : 'Demo data was already there.',
    );
  } else {
    console.error('Usage: tsx src/db/cli.ts migrate|seed');
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
