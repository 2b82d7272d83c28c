// Issue 9, item 6: the form fuzz (test/helpers/form-fuzz.ts) with lone surrogates, numbers and null, in
// every POST form of every module: never a 5xx, the input kept, nothing half-saved.
import { defineFormFuzz } from '#test/helpers/form-fuzz.js';

defineFormFuzz(['lone surrogates', 'numbers and null']);
