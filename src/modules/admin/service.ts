// Use cases of the administration: places, networks and organisations (through the network
// module's face), the platform settings, the mail check. Every change is audited; a save
// that breaks a rule (a slug in use, an area that has a network) changes nothing.
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { chosenLanguage, type Lang, translator } from '../../platform/i18n/index.js';
import type { Mailer } from '../../platform/mail.js';
import { MAX_UPLOAD_BYTES } from '../../platform/plugins/multipart.js';
import {
  type LegalSettings,
  type PlatformSettings,
  readLegalSettings,
  readLogo,
  readPlatformSettings,
  saveLegalSettings,
  saveLogo,
  savePlatformSettings,
} from '../../platform/settings.js';
import {
  type AreaKind,
  type NetworkEdit,
  networkModule,
  type OrganisationType,
} from '../network/index.js';
import { type AdminOrigin, peopleModule } from '../people/index.js';

/** A save that failed on a rule: field name → catalogue key. */
export type SaveResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

export type { PlatformSettings } from '../../platform/settings.js';

/** The logo on letters: at most this wide and high, in pixels (it is re-encoded as PNG). */
export const LOGO_BOX = { width: 600, height: 200 };

/** A unique index refused the row (code 23505), directly or as the cause of Drizzle's error. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return (e?.code ?? e?.cause?.code) === '23505';
}

/** Runs `save`; undefined when a unique index refused it (a slug or area taken meanwhile). */
async function unlessTaken<T>(save: () => Promise<T>): Promise<T | undefined> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export function adminService(db: Database, mailer: Mailer) {
  const places = () => networkModule.api.admin(db);

  async function audit(
    by: AdminOrigin,
    action: string,
    objectType: string,
    objectId: number,
    networkId?: number,
  ) {
    await recordAudit(db, {
      actorId: by.actorId,
      action,
      result: 'ok',
      objectType,
      objectId,
      networkId: networkId ?? null,
      origin: by.origin,
    });
  }

  return {
    listRegions: () => places().listRegions(),
    listMunicipalities: () => places().listMunicipalities(),
    listAreas: () => places().listAreas(),
    listNetworks: () => places().listNetworks(),
    listOrganisations: () => places().listOrganisations(),
    findRegion: (id: number) => places().findRegion(id),
    findMunicipality: (id: number) => places().findMunicipality(id),
    findArea: (id: number) => places().findArea(id),
    findNetwork: (id: number) => places().findNetworkById(id),
    findOrganisation: (id: number) => places().findOrganisation(id),

    async saveRegion(
      id: number | undefined,
      input: { name: string; slug: string },
      by: AdminOrigin,
    ): Promise<SaveResult> {
      const repo = places();
      if (await repo.slugTaken('regions', input.slug, id)) {
        return { ok: false, errors: { slug: 'admin.slug.taken' } };
      }
      // The check above and the unique index below: two saves at once get one answer each.
      const saved = await unlessTaken(async () => {
        if (id === undefined) return repo.insertRegion(input);
        await repo.updateRegion(id, input);
        return id;
      });
      if (saved === undefined) return { ok: false, errors: { slug: 'admin.slug.taken' } };
      await audit(by, 'admin.region.save', 'region', saved);
      return { ok: true, id: saved };
    },

    async saveMunicipality(
      id: number | undefined,
      input: { name: string; slug: string; regionId: number },
      by: AdminOrigin,
    ): Promise<SaveResult> {
      const repo = places();
      if (!(await repo.findRegion(input.regionId))) {
        return { ok: false, errors: { regionId: 'form.choose' } };
      }
      if (await repo.slugTaken('municipalities', input.slug, id)) {
        return { ok: false, errors: { slug: 'admin.slug.taken' } };
      }
      // The check above and the unique index below: two saves at once get one answer each.
      const saved = await unlessTaken(async () => {
        if (id === undefined) return repo.insertMunicipality(input);
        await repo.updateMunicipality(id, input);
        return id;
      });
      if (saved === undefined) return { ok: false, errors: { slug: 'admin.slug.taken' } };
      await audit(by, 'admin.municipality.save', 'municipality', saved);
      return { ok: true, id: saved };
    },

    async saveArea(
      id: number | undefined,
      input: { name: string; slug: string; kind: AreaKind; municipalityId: number },
      by: AdminOrigin,
    ): Promise<SaveResult> {
      const repo = places();
      if (!(await repo.findMunicipality(input.municipalityId))) {
        return { ok: false, errors: { municipalityId: 'form.choose' } };
      }
      if (await repo.slugTaken('areas', input.slug, id)) {
        return { ok: false, errors: { slug: 'admin.slug.taken' } };
      }
      // The check above and the unique index below: two saves at once get one answer each.
      const saved = await unlessTaken(async () => {
        if (id === undefined) return repo.insertArea(input);
        await repo.updateArea(id, input);
        return id;
      });
      if (saved === undefined) return { ok: false, errors: { slug: 'admin.slug.taken' } };
      await audit(by, 'admin.area.save', 'area', saved);
      return { ok: true, id: saved };
    },

    /** A new network for an area (one per area), or new details for one. */
    async saveNetwork(
      id: number | undefined,
      input: NetworkEdit & { areaId?: number | undefined },
      by: AdminOrigin,
    ): Promise<SaveResult> {
      const repo = places();
      const { areaId, ...details } = input;
      if (id === undefined) {
        if (areaId === undefined || !(await repo.findArea(areaId))) {
          return { ok: false, errors: { areaId: 'form.choose' } };
        }
        if ((await repo.findNetworkIdOfArea(areaId)) !== undefined) {
          return { ok: false, errors: { areaId: 'admin.network.areaTaken' } };
        }
        const created = await unlessTaken(() => repo.insertNetwork({ areaId, ...details }));
        if (created === undefined) {
          return { ok: false, errors: { areaId: 'admin.network.areaTaken' } };
        }
        await audit(by, 'admin.network.create', 'network', created, created);
        return { ok: true, id: created };
      }
      await repo.updateNetwork(id, details);
      await audit(by, 'admin.network.save', 'network', id, id);
      return { ok: true, id };
    },

    /** A coordinator's change of their network's description, contact details and listing. */
    async saveNetworkSettings(
      id: number,
      input: Omit<NetworkEdit, 'name'>,
      by: AdminOrigin,
    ): Promise<void> {
      const repo = places();
      const network = await repo.findNetworkById(id);
      if (!network) return;
      await repo.updateNetwork(id, { ...input, name: network.name });
      await audit(by, 'network.settings.save', 'network', id, id);
    },

    async saveOrganisation(
      id: number | undefined,
      input: { name: string; type: OrganisationType; website: string | null; networkIds: number[] },
      by: AdminOrigin,
    ): Promise<SaveResult> {
      const { networkIds, ...values } = input;
      const known = new Set((await places().listNetworks()).map((n) => n.id));
      if (networkIds.some((n) => !known.has(n))) {
        return { ok: false, errors: { networkIds: 'form.choose' } };
      }
      const sameName = await places().findOrganisationByName(values.name);
      if (sameName && sameName.id !== id) {
        return { ok: false, errors: { name: 'admin.organisation.nameTaken' } };
      }
      const saved = await db.transaction(async (tx) => {
        const repo = networkModule.api.admin(tx);
        const orgId = id ?? (await repo.insertOrganisation(values));
        if (id !== undefined) await repo.updateOrganisation(id, values);
        await repo.setOrganisationNetworks(orgId, networkIds);
        return orgId;
      });
      await audit(by, 'admin.organisation.save', 'organisation', saved);
      return { ok: true, id: saved };
    },

    /** The settings, with defaults for what was never set. */
    settings: () => readPlatformSettings(db),

    async saveSettings(values: PlatformSettings, by: AdminOrigin): Promise<void> {
      await db.transaction((tx) => savePlatformSettings(tx, values));
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.settings.save',
        result: 'ok',
        origin: by.origin,
      });
    },

    /** The settings of the privacy and accessibility statements. */
    legalSettings: () => readLegalSettings(db),

    async saveLegalSettings(values: LegalSettings, by: AdminOrigin): Promise<void> {
      await db.transaction((tx) => saveLegalSettings(tx, values));
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.statements.save',
        result: 'ok',
        origin: by.origin,
      });
    },

    hasLogo: async () => (await readLogo(db)) !== undefined,
    /** The logo's PNG bytes, or undefined. */
    logo: () => readLogo(db),

    /**
     * Sets the logo from an upload: a PNG, JPEG or WebP image (decided by its content),
     * re-encoded as a PNG of at most LOGO_BOX without any metadata; or removes it (null).
     */
    async saveLogo(
      upload: Buffer | null,
      by: AdminOrigin,
    ): Promise<'ok' | 'empty' | 'tooLarge' | 'type'> {
      let png: Buffer | null = null;
      if (upload) {
        if (upload.length === 0) return 'empty';
        if (upload.length > MAX_UPLOAD_BYTES) return 'tooLarge';
        try {
          const { default: sharp } = await import('sharp');
          const meta = await sharp(upload, { limitInputPixels: 50_000_000 }).metadata();
          if (!meta.format || !['png', 'jpeg', 'webp'].includes(meta.format)) return 'type';
          png = await sharp(upload, { limitInputPixels: 50_000_000 })
            .resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true })
            .png()
            .toBuffer();
        } catch {
          return 'type';
        }
      }
      await saveLogo(db, png);
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.settings.logo',
        result: 'ok',
        origin: by.origin,
        detail: png ? 'set' : 'removed',
      });
      return 'ok';
    },

    /**
     * Sends a test mail; the answer says whether it went out or only into the outbox. It is
     * in the language of the account with that address (Dutch when it chose none), or in
     * `senderLang` (the administrator's interface language) for an address without an
     * account (issue 12 item 13).
     */
    async sendTestMail(
      to: string,
      by: AdminOrigin,
      senderLang: Lang,
    ): Promise<{ ok: true; delivery: 'smtp' | 'outbox' } | { ok: false; error: string }> {
      const account = await peopleModule.api.directory(db).findAccountByEmail(to);
      const lang = account ? chosenLanguage(account.language) : senderLang;
      const t = translator(lang);
      try {
        await mailer.send(db, {
          to,
          personId: account?.personId ?? null,
          subject: t('admin.mail.test.subject'),
          body: [
            t('admin.mail.test.greeting'),
            '',
            t('admin.mail.test.body'),
            t('admin.mail.test.check'),
          ].join('\n'),
        });
      } catch (error) {
        await recordAudit(db, {
          actorId: by.actorId,
          action: 'admin.mail.test',
          result: 'failed',
          origin: by.origin,
          // Not the server's message: it may hold the address (audit details never do).
          detail: 'smtp error',
        });
        return { ok: false, error: String((error as Error).message ?? error).slice(0, 300) };
      }
      await recordAudit(db, {
        actorId: by.actorId,
        action: 'admin.mail.test',
        result: 'ok',
        origin: by.origin,
        detail: mailer.delivery,
      });
      return { ok: true, delivery: mailer.delivery };
    },
  };
}

export type AdminService = ReturnType<typeof adminService>;
