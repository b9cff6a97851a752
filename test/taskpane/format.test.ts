import { age, formatValue, utcDate } from "../../src/taskpane/format";

test("values read as a person reads them, in their units", () => {
  expect(formatValue("btc_price_usd", 91250)).toBe("91,250.00 USD");
  expect(formatValue("price", 14082000, "JPY")).toBe("14,082,000 JPY");
  expect(formatValue("difficulty", 162010345678901.25)).toBe("162.01 T");
  expect(formatValue("network_hashrate_ehs", 1173.63)).toBe("1,173.6 EH/s");
  expect(formatValue("fees_btc_per_block", 0.025)).toBe("0.0250 BTC");
  expect(formatValue("hashprice_usd_per_ph_day", 38.0694)).toBe("$38.07 /PH/day");
  expect(formatValue("next_retarget_change", 0.025641)).toBe("+2.56%");
  expect(formatValue("next_retarget_change", -0.0195)).toBe("-1.95%");
  expect(formatValue("block_height", 975312)).toBe("975,312");
});

test("dates are Excel serials shown in UTC", () => {
  expect(utcDate(25569)).toBe("1970-01-01 00:00 UTC");
  expect(utcDate(46350.5)).toBe("2026-11-24 12:00 UTC");
  expect(formatValue("next_halving_date", 46350.5)).toBe("2026-11-24 12:00 UTC");
});

test("ages", () => {
  const now = 1_000_000_000;
  expect(age(now, now)).toBe("just now");
  expect(age(now - 42_000, now)).toBe("42 s ago");
  expect(age(now - 5 * 60_000, now)).toBe("5 min ago");
  expect(age(now - 3 * 3600_000, now)).toBe("3 h ago");
  expect(age(now - 2 * 86_400_000, now)).toBe("2 d ago");
  expect(age(now + 10_000, now)).toBe("just now"); // a clock slightly ahead is not negative
});
