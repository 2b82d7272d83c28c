// A person's part in the neighbourhood budget, for "my data": their proposals, and the rounds
// in which they voted with their account (never what they chose: ballots are secret).
import type { Executor } from '../../db/client.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { photoExtension } from '../../platform/photos.js';
import { budgetingRepository } from './repository.js';

/** The archive path of a proposal's photo in "my data" (`fotos/voorstel-12.jpg`). */
function photoFileName(proposalId: number, contentType: string): string {
  return `fotos/voorstel-${proposalId}.${photoExtension(contentType)}`;
}

export const budgetingPersonData: PersonDataProvider = {
  name: 'budgeting',
  async export(db: Executor, personId: number) {
    const proposals = await budgetingRepository(db).listProposalsOfAuthor(personId);
    return {
      budgetProposals: proposals.map((p) => ({
        roundId: p.roundId,
        title: p.title,
        description: p.description,
        place: p.place,
        costCents: p.costCents,
        status: p.status,
        hasPhoto: p.photoId !== null,
      })),
      budgetRoundsVotedWithAccount: await budgetingRepository(db).listRoundsVotedBy(personId),
    };
  },
  /** The photos of the person's proposals, named after the proposal. */
  async files(db: Executor, personId: number) {
    const photos = await budgetingRepository(db).listPhotosOfAuthor(personId);
    return photos.map((p) => ({
      name: photoFileName(p.proposalId, p.contentType),
      data: Buffer.from(p.data),
    }));
  },
  /**
   * Proposals stay (they are part of a public round) without their author. The record that
   * the account voted stays too: it holds no choice, and without it the account could vote
   * again; the person row it points to keeps no name after erasure.
   */
  async erase(db: Executor, personId: number) {
    await budgetingRepository(db).clearAuthor(personId);
  },
};
