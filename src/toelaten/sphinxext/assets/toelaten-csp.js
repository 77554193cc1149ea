// Sphinx's doctools.js turns the catalogue's plural rule into code with `new Function`,
// which the pages' Content-Security-Policy forbids (no 'unsafe-eval'). This runs after
// doctools.js and before translations.js and reads the rule from a table instead.
// A rule not in the table keeps Sphinx's default, which is the Dutch and English one.
"use strict";
(() => {
  const PLURALS = {
    "(n != 1)": (n) => (n !== 1 ? 1 : 0),
    "(n > 1)": (n) => (n > 1 ? 1 : 0),
    "0": () => 0,
  };
  Documentation.addTranslations = (catalog) => {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    Documentation.PLURAL_EXPR = PLURALS[catalog.plural_expr] || Documentation.PLURAL_EXPR;
    Documentation.LOCALE = catalog.locale;
  };
})();
