// A person's notifications and choices in their data download; erased with the account.
import type { PersonDataProvider } from '../../platform/module.js';
import { notificationsRepository } from './repository.js';

export const notificationsPersonData: PersonDataProvider = {
  name: 'notifications',
  export: (db, personId) => notificationsRepository(db).listPersonData(personId),
  erase: (db, personId) => notificationsRepository(db).deletePersonData(personId),
};
