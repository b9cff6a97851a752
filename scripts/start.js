#!/usr/bin/env node
/*
 * `npm start`: serves the add-in at https://localhost:3000 (webpack dev server, development
 * certificates) and prints how to sideload manifest.xml into Excel.
 */
const { spawn } = require("child_process");
const path = require("path");

const manifest = path.resolve(__dirname, "..", "manifest.xml");
console.log(`
MINER add-in: starting the dev server at https://localhost:3000 ...

Sideload it once the server says "compiled successfully":
  Excel on the web: open a workbook > Home > Add-ins > More add-ins > My add-ins >
                    Upload My Add-in > choose ${manifest}
  Excel desktop (Windows/Mac): where office-addin-debugging installs, run
                    npx office-addin-debugging start manifest.xml desktop
                    or copy manifest.xml to a shared-folder catalog (Trust Center >
                    Trusted Add-in Catalogs) and insert it from Add-ins > Shared Folder.
Then type =MINER.COSTPERBTC(0.05, 17.5, 1.5E14) in a cell, or click Home > MINER > Market data.
The browser or Excel must trust the development CA in ~/.office-addin-dev-certs/ca.crt.
`);

const child = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
  stdio: "inherit",
  cwd: path.resolve(__dirname, ".."),
});
child.on("exit", (code) => process.exit(code ?? 0));
