// office-addin-lint's rules (eslint-plugin-office-addins recommended + prettier), for TypeScript.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: ["**/*.ts"],
    // TypeScript already resolves every name (DOM, Office, CustomFunctions types), so ESLint's
    // no-undef and no-redeclare only misfire on typed globals and value/type pairs.
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // The template is pure domain: the spec of a workbook, built without Office or a page, so the
    // tests can evaluate it; only the pane's writer (src/taskpane/insert-model.ts) talks to Excel.
    files: ["src/template/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window", "fetch"],
      "no-restricted-imports": ["error", { patterns: ["**/taskpane/**", "**/market/**"] }],
    },
  },
];
