// The fields of a signal as the new-signal and edit-signal forms post them, with the names
// their messages use ("Vul de titel in.", "Kies een thema.").
import { z } from 'zod';

/** Title, description, theme (one of `themes`), place and trigger of a signal. */
export function signalTextFields(themes: readonly string[]) {
  return {
    title: z.string().trim().min(1).max(120).describe('signals.name.title'),
    description: z.string().trim().max(4000).default('').describe('signals.name.description'),
    theme: z
      .string({ required_error: 'signals.error.theme' })
      .refine((v) => themes.includes(v), 'signals.error.theme')
      .describe('signals.name.theme'),
    place: z.string().trim().max(120).default('').describe('signals.name.place'),
    trigger: z.string().trim().max(1000).default('').describe('signals.name.trigger'),
  };
}
