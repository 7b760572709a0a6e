// `assert` for the suites in the web worker host, which has no Node built-ins: chai's assert, whose
// ok, strictEqual, deepStrictEqual, notStrictEqual and match take the same arguments as Node's.
// test/e2e/build-integration.mjs points the web bundle's `assert` here.
import { assert } from 'chai';

export const { ok, strictEqual, deepStrictEqual, notStrictEqual, match, fail } = assert;
export default assert;
