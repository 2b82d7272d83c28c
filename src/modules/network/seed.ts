import type { Database } from '../../db/client.js';

export interface DemoAccount {
  email: string;
  role: string;
  network: string;
}

/** The demo password every demo account shares (listed on the login page in demo mode). */
export const DEMO_PASSWORD = 'buurtkracht-demo';

export const demoAccounts: DemoAccount[] = [];

export async function seedNetworkDemo(_db: Database): Promise<void> {}
