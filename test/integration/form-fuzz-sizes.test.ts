// Issue 9, item 6: the form fuzz (test/helpers/form-fuzz.ts) with 1 MB in a field and every field far too long, in
// every POST form of every module: never a 5xx, the input kept, nothing half-saved.
import { defineFormFuzz } from '#test/helpers/form-fuzz.js';

defineFormFuzz(['1 MB in one field', '64 kB in every field']);
