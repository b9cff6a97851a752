import { rememberLast } from "../../src/calc/memo";

test("remembers only the last call, recomputes when any argument changes, and never remembers a throw", () => {
  let calls = 0;
  const f = rememberLast((a: number, b: number) => {
    calls++;
    if (b < 0) throw new Error("negative");
    return a + b;
  });
  expect(f(1, 2)).toBe(3);
  expect(f(1, 2)).toBe(3);
  expect(calls).toBe(1);
  expect(f(1, 3)).toBe(4);
  expect(f(1, 2)).toBe(3);
  expect(calls).toBe(3);
  expect(() => f(1, -1)).toThrow("negative");
  expect(() => f(1, -1)).toThrow("negative");
  expect(calls).toBe(5);
  expect(f(1, 2)).toBe(3); // the throw did not replace the remembered call: still a hit
  expect(calls).toBe(5);
});
