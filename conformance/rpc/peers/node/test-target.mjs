// The test interface (docs/rpc-test-interface.md) in JavaScript: capnweb's own
// TestTarget and Counter (__tests__/test-util.ts, capnweb 0.12.0) plus conform's
// additions. Kept member for member in step with reference/rpc/test_target.cpp.
import { RpcTarget } from "capnweb";

export class Counter extends RpcTarget {
  #i;
  constructor(i = 0) { super(); this.#i = i; }
  increment(amount = 1) { this.#i += amount; return this.#i; }
  get value() { return this.#i; }
}

export class TestTarget extends RpcTarget {
  #kept;
  constructor() {
    super();
    // An instance property: reading it over RPC must fail (capnweb.md §6).
    this.instanceProperty = 1;
  }
  square(i) { return i * i; }
  callSquare(self, i) { return { result: self.square(i) }; }
  async callFunction(func, i) { return { result: await func(i) }; }
  throwError() { throw new RangeError("test error"); }
  makeCounter(i) { return new Counter(i); }
  incrementCounter(c, i = 1) { return c.increment(i); }
  generateFibonacci(length) {
    if (length > 10000) throw new RangeError("length too large");
    let result = [0, 1];
    while (result.length < length) {
      result.push(result[result.length - 2] + result[result.length - 1]);
    }
    return result.slice(0, length);
  }
  returnNull() { return null; }
  returnUndefined() { return undefined; }
  returnNumber(i) { return i; }
  echo(v) { return v; }
  sameCounterTwice(i) { const c = new Counter(i); return { a: c, b: c }; }
  keepCallback(func) { this.#kept = func.dup(); }
  fireCallback(i) { return this.#kept(i); }
  throwWithProps() {
    const e = new Error("boom");
    e.code = "E_BOOM";
    e.cause = new TypeError("inner");
    throw e;
  }
}
