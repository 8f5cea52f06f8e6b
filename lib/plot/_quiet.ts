// Imported before vega: one of its dependencies loads node's deprecated `punycode`, whose warning would
// otherwise land in every notebook's stderr.
import process from "node:process";
(process as unknown as { noDeprecation: boolean }).noDeprecation = true;
