import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageFromQuery, paginate } from './pagination.js';

test('pageFromQuery: a whole number from 1, anything else is page 1', () => {
  assert.equal(pageFromQuery({ pagina: '3' }), 3);
  for (const raw of [undefined, '', '0', '-2', '1.5', 'abc', ['2', '3'], '9999999']) {
    assert.equal(pageFromQuery({ pagina: raw }), 1, String(raw));
  }
  assert.equal(pageFromQuery(undefined), 1);
});

test('paginate: window, clamped to the last page, links keep the filters', () => {
  const first = paginate('/lijst', { status: 'new', thema: '' }, 1, 120, 50);
  assert.deepEqual([first.offset, first.limit], [0, 50]);
  assert.deepEqual(first.model, {
    page: 1,
    pages: 3,
    total: 120,
    previousHref: null,
    nextHref: '/lijst?status=new&pagina=2',
  });
  const beyond = paginate('/lijst', {}, 9, 120, 50);
  assert.equal(beyond.model.page, 3);
  assert.equal(beyond.offset, 100);
  assert.equal(beyond.model.previousHref, '/lijst?pagina=2');
  assert.equal(beyond.model.nextHref, null);
  const second = paginate('/lijst', {}, 2, 120, 50);
  assert.equal(second.model.previousHref, '/lijst', 'page 1 has no page parameter');
  const empty = paginate('/lijst', {}, 1, 0, 50);
  assert.deepEqual([empty.model.pages, empty.offset], [1, 0]);
});
