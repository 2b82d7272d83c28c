// The decision rules as pure functions: consent, the status moves, due for review.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canMove, consentComplete, isDueForReview } from './policy.js';
import { yearBefore } from './public.js';

describe('the decision rules (pure)', () => {
  test('consent needs every council member, and a council of nobody never consents', () => {
    assert.equal(consentComplete([1, 2], [2, 1]), true);
    assert.equal(consentComplete([1, 2], [1]), false);
    assert.equal(consentComplete([1], [1, 9]), true);
    assert.equal(consentComplete([], []), false);
  });

  test('proposed → decided → reviewed, or withdrawn; nothing goes back', () => {
    assert.ok(canMove('proposed', 'decided'));
    assert.ok(canMove('decided', 'reviewed'));
    assert.ok(canMove('proposed', 'withdrawn'));
    assert.ok(canMove('decided', 'withdrawn'));
    assert.ok(!canMove('proposed', 'reviewed'));
    assert.ok(!canMove('reviewed', 'decided'));
    assert.ok(!canMove('withdrawn', 'proposed'));
  });

  test('due for review: decided, and the review date has come', () => {
    assert.ok(isDueForReview({ status: 'decided', reviewOn: '2030-01-01' }, '2030-01-01'));
    assert.ok(!isDueForReview({ status: 'decided', reviewOn: '2030-01-02' }, '2030-01-01'));
    assert.ok(!isDueForReview({ status: 'proposed', reviewOn: '2029-01-01' }, '2030-01-01'));
    assert.ok(!isDueForReview({ status: 'reviewed', reviewOn: '2029-01-01' }, '2030-01-01'));
    assert.equal(yearBefore('2030-03-15'), '2029-03-15');
  });
});
