export async function seedExperimentsDemo(
  _db: import('../../db/client.js').Database,
): Promise<void> {}
