// Every module's strings in one catalogue per language, gathered from the module list.
import { listModules, type Modules } from '../../modules/index.js';
import { platformMessages } from './platform.messages.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

type ModuleKeys = keyof UnionToIntersection<Modules[number]['messages']['nl']>;
export type MessageKey = keyof typeof platformMessages.nl | ModuleKeys;
export type Catalogue = Record<'nl' | 'en', Record<MessageKey, string>>;

let built: Catalogue | undefined;

/**
 * The catalogue, built on first use: modules import the translator, so the module list is
 * not ready yet while this file is first evaluated.
 */
export function catalogue(): Catalogue {
  if (!built) {
    const nl: Record<string, string> = { ...platformMessages.nl };
    const en: Record<string, string> = { ...platformMessages.en };
    for (const module of listModules()) {
      Object.assign(nl, module.messages.nl);
      Object.assign(en, module.messages.en);
    }
    built = { nl, en } as Catalogue;
  }
  return built;
}
