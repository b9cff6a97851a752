/*
 * The licence the package declares is the licence the repository carries: package.json says MIT,
 * and LICENSE is the MIT licence's text (as the Open Source Initiative publishes it) with the
 * project's copyright line.
 */
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../support/paths";

test("LICENSE is the MIT licence, as package.json declares, with the project's copyright", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require("../../package.json");
  expect(pkg.license).toBe("MIT");
  const text = fs.readFileSync(path.join(repoRoot(), "LICENSE"), "utf8");
  const lines = text.split("\n");
  expect(lines[0]).toBe("MIT License");
  expect(lines[2]).toBe("Copyright (c) 2026 The MINER authors");
  // the licence's operative sentences, word for word (whitespace aside)
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain(
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction",
  );
  expect(flat).toContain("The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.");
  expect(flat).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
});
