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
];
