export async function seedLibraryDemo(_db: import('../../db/client.js').Database): Promise<void> {}
