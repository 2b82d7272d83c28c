// Voting codes (members): a batch is made, then printed as letters (page, CSV or PDF with a
// QR code); every print is audited by the service.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDate } from '../../../platform/i18n/index.js';
import type { UploadedFile } from '../../../platform/plugins/multipart.js';
import { baseUrl } from '../../../platform/urls.js';
import { type AddressListResult, csvCell, parseAddressList } from '../address-list.js';
import { can } from '../policy.js';
import type { RoundRow } from '../repository.js';
import { AccountVotesError, CODES_PER_BATCH_MAX } from '../service.js';
import { LettersPage, type LetterViewModel } from '../views/letters.js';
import { RoundPage } from '../views/round.js';
import { VoteRefusedPage } from '../views/vote.js';
import { type BudgetRouteKit, checked, type Net } from './kit.js';

export function registerCodeRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, networks, config, describeDoer, findRound, buildRoundVm } = kit;

  app.post('/netwerk/:networkId/wijkbudget/:roundId/codes', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const raw = String((request.body as Record<string, unknown>)?.count ?? '').trim();
    const n = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
    if (n < 1 || n > CODES_PER_BATCH_MAX) {
      const vm = await buildRoundVm(request, network, round);
      return reply.page(
        (ctx) => (
          <RoundPage
            ctx={ctx}
            vm={vm}
            phaseError={request.t('budget.error.codeCount', { max: CODES_PER_BATCH_MAX })}
          />
        ),
        400,
      );
    }
    try {
      await service.generateCodes(round, n, describeDoer(request));
    } catch (error) {
      if (!(error instanceof AccountVotesError)) throw error;
      return reply.page(
        (ctx) => (
          <VoteRefusedPage
            ctx={ctx}
            vm={{
              base: `/netwerk/${network.id}/wijkbudget/${round.id}`,
              message: request.t('budget.codes.accountVotes'),
            }}
          />
        ),
        409,
      );
    }
    return reply
      .flash('ok', 'budget.codes.made', { count: n })
      .redirect(`/netwerk/${network.id}/wijkbudget/${round.id}`, 303);
  });

  // One code per line of an uploaded address list; the addresses only address the letters.
  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/codes/adressen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.manage', can);
      const round = await findRound(request, network.id);
      const t = request.t;
      const file = (request.body as Record<string, unknown> | undefined)?.list as
        | UploadedFile
        | undefined;
      const data = file && Buffer.isBuffer(file.data) && !file.truncated ? file.data : undefined;
      const parsed: AddressListResult = data
        ? parseAddressList(data.toString('utf8'), CODES_PER_BATCH_MAX)
        : { ok: false, problem: 'empty' };
      if (!parsed.ok) {
        const message = t(`budget.addresses.${parsed.problem}`, {
          max: CODES_PER_BATCH_MAX,
          line: parsed.line ?? 0,
        });
        const vm = await buildRoundVm(request, network, round);
        return reply.page((ctx) => <RoundPage ctx={ctx} vm={vm} addressError={message} />, 400);
      }
      try {
        await service.generateCodesForAddresses(round, parsed.addresses, describeDoer(request));
      } catch (error) {
        if (!(error instanceof AccountVotesError)) throw error;
        const vm = await buildRoundVm(request, network, round);
        return reply.page(
          (ctx) => <RoundPage ctx={ctx} vm={vm} addressError={t('budget.codes.accountVotes')} />,
          409,
        );
      }
      return reply
        .flash('ok', 'budget.codes.made', { count: parsed.addresses.length })
        .redirect(`/netwerk/${network.id}/wijkbudget/${round.id}`, 303);
    },
  );

  app.post(
    '/netwerk/:networkId/wijkbudget/:roundId/codes/adressen/wissen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.manage', can);
      const round = await findRound(request, network.id);
      await service.eraseAddresses(round, describeDoer(request));
      return reply
        .flash('ok', 'budget.addresses.erased')
        .redirect(`/netwerk/${network.id}/wijkbudget/${round.id}`, 303);
    },
  );

  async function letterVm(
    request: FastifyRequest,
    network: Net,
    round: RoundRow,
    how: string,
  ): Promise<LetterViewModel> {
    return {
      roundTitle: round.title,
      networkName: network.name,
      votingUntil: round.votingUntil
        ? formatDate(request.lang, new Date(`${round.votingUntil}T12:00:00Z`))
        : '',
      url: `${baseUrl(config, request)}/buurt/${network.slug}/wijkbudget/${round.id}/stemmen`,
      minAge: round.minAge,
      letters: await service.listLettersForPrint(round, describeDoer(request), how),
    };
  }

  app.get(
    '/netwerk/:networkId/wijkbudget/:roundId/codes/print',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'budget.manage', can);
      const round = await findRound(request, network.id);
      const vm = await letterVm(request, network, round, 'print');
      return reply.page((ctx) => <LettersPage ctx={ctx} vm={vm} />);
    },
  );

  app.get('/netwerk/:networkId/wijkbudget/:roundId/codes.csv', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const vm = await letterVm(request, network, round, 'csv');
    const lines = [
      'code;adres;postadres',
      ...vm.letters.map((l) => [l.code, vm.url, l.address ?? ''].map(csvCell).join(';')),
    ];
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="stemcodes-ronde-${round.id}.csv"`)
      .send(`${lines.join('\r\n')}\r\n`);
  });

  app.get('/netwerk/:networkId/wijkbudget/:roundId/codes.pdf', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    const vm = await letterVm(request, network, round, 'pdf');
    // Loaded on first use: pdf-lib and qrcode are large, and most processes never print.
    const { lettersPdf } = await import('../letters.js');
    const pdf = await lettersPdf(request.t, vm);
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="stembrieven-ronde-${round.id}.pdf"`)
      .send(Buffer.from(pdf));
  });
}
