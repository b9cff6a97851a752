/** The toBeNear matcher fails when it should, and says what it compared. */
test("passes within the relative or absolute tolerance, and fails outside it with both values and the difference", () => {
  expect(100.0000001).toBeNear(100, { rel: 1e-8 });
  expect(1e-13).toBeNear(0, { abs: 1e-12 });
  expect(-0.5).toBeNear(-0.5, { rel: 1e-15 });
  let message = "";
  try {
    expect(101).toBeNear(100, { rel: 1e-3, label: "row 7 NPV" });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toContain("row 7 NPV");
  expect(message).toContain("got:      101");
  expect(message).toContain("wanted:   100");
  expect(message).toContain("relative 0.01");
});

test("never passes a NaN, an infinity against a finite number, or a non-number", () => {
  expect(() => expect(NaN).toBeNear(1, { rel: 1 })).toThrow(/too far/);
  expect(() => expect(NaN).toBeNear(NaN, { rel: 1 })).toThrow(/too far/);
  expect(() => expect(Infinity).toBeNear(1e308, { rel: 1 })).toThrow(/too far/);
  expect(() => expect("1" as unknown).toBeNear(1, { rel: 1 })).toThrow(/not a number/);
  expect(Infinity).toBeNear(Infinity, { rel: 1e-9 });
  expect(() => expect(1).toBeNear(1, {})).toThrow(/needs rel/);
});
