import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { setUpBudgetPages } from '#test/helpers/budgeting.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { budgetingPersonData } from './person-data.js';
import { budgetingRepository } from './repository.js';

describe('budgeting: "mijn gegevens"', () => {
  const { state, base, createRound } = setUpBudgetPages();

  test('the export holds the photos of the proposals the person sent, and only theirs', async () => {
    const { t, resident, world } = state;
    const roundId = await createRound();
    const form = `${base()}/${roundId}/voorstellen/nieuw`;
    await resident.get(form);
    const photo = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#3080e0' },
    })
      .jpeg()
      .toBuffer();
    const sent = await postMultipart(t, resident, form, {
      title: 'Bankje bij de vijver',
      description: 'Een bankje om even uit te rusten.',
      place: 'Vijver',
      cost: '1250',
      photoDescription: 'De lege plek bij de vijver',
      photo: { filename: 'vijver.jpg', contentType: 'image/jpeg', data: photo },
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    // A second proposal without a photo: no file for it.
    const plain = await resident.post(
      form,
      { title: 'Moestuin', description: 'Groenten kweken.', place: 'Achter de flat', cost: '800' },
      { from: form },
    );
    assert.equal(plain.statusCode, 303);
    const proposals = await budgetingRepository(t.database.db).listProposals(roundId);
    const withPhoto = proposals.find((p) => p.title === 'Bankje bij de vijver')!;

    const files = await budgetingPersonData.files!(t.database.db, world.people.resident.id);
    assert.deepEqual(
      files.map((f) => f.name),
      [`fotos/voorstel-${withPhoto.id}.jpg`],
    );
    // The stored (re-encoded) photo: a JPEG.
    assert.deepEqual([...files[0]!.data.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const data = (await budgetingPersonData.export(t.database.db, world.people.resident.id)) as {
      budgetProposals: { title: string; hasPhoto: boolean }[];
    };
    assert.deepEqual(
      data.budgetProposals.map((p) => [p.title, p.hasPhoto]),
      [
        ['Bankje bij de vijver', true],
        ['Moestuin', false],
      ],
    );
    // Someone else's export holds none of them.
    assert.deepEqual(
      await budgetingPersonData.files!(t.database.db, world.people.coordinator.id),
      [],
    );
  });
});
