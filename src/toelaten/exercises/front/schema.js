// Checks a value against the JSON Schemas that schema.py makes from the exercise
// definitions: the one definition of a valid answer, read here and by Python's jsonschema.
//
// A small interpreter instead of a compiled validator: no `new Function` (the pages' CSP
// forbids it) and a few KB instead of generated code per exercise. It knows exactly the
// keywords schema.py may emit and throws on any other, so none is silently skipped.
// Keywords are checked in the schema's own key order, as jsonschema does, so both report
// the same first problem. tests/js/ runs it against jsonschema on shared and generated data.

const KEYWORDS = new Set([
  "$defs", "$ref", "type", "const", "enum", "pattern", "minimum", "maximum", "maxLength", "maxItems",
  "uniqueItems", "required", "additionalProperties", "propertyNames", "properties", "items",
  "x-messages",
]);

function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
}

function isObject(value) {
  return jsonType(value) === "object";
}

// Python's order of strings: by code point. A plain sort() compares UTF-16 units, which
// puts a character beyond U+FFFF (an emoji) before one from U+E000 to U+FFFF.
function byCodePoint(a, b) {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// Equal as JSON values (object keys in any order), as JSON Schema compares them.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value).sort(byCodePoint).map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value);
}

// The message with its placeholders filled in (schema.py's fill() does the same; numbers
// as the catalogue writes them, ui.number).
function fillMessage(template, instance, extra = "") {
  return template
    .split("{length}").join(typeof instance === "string" ? ui.number([...instance].length) : "")
    .split("{extra}").join(extra)
    .split("{value}").join(typeof instance === "string" ? instance : "");
}

function problem(schema, keyword, instance, extra) {
  const template = schema["x-messages"]?.[keyword];
  if (template === undefined) throw new Error(`schema.js: no message for '${keyword}'`);
  return fillMessage(template, instance, extra);
}

const patterns = new Map(); // pattern -> RegExp, made once (no "g": test() keeps no state)

function compiled(pattern) {
  if (!patterns.has(pattern)) patterns.set(pattern, new RegExp(pattern, "u"));
  return patterns.get(pattern);
}

function has(object, key) {
  return Object.hasOwn(object, key);
}

// The Dutch message for the first problem of `instance`, or null when it is valid.
// `root` is the schema that `$ref`s point into (only "#/$defs/<name>").
function firstProblem(schema, instance, root = schema) {
  for (const [keyword, arg] of Object.entries(schema)) {
    if (!KEYWORDS.has(keyword)) throw new Error(`schema.js: unknown keyword '${keyword}'`);
    const found = checkKeyword(schema, keyword, arg, instance, root);
    if (found !== null) return found;
  }
  return null;
}

function checkKeyword(schema, keyword, arg, instance, root) {
  const type = jsonType(instance);
  const sub = (subschema, value) => firstProblem(subschema, value, root);
  const fails = (extra) => problem(schema, keyword, instance, extra);
  switch (keyword) {
    case "$ref": {
      const name = /^#\/\$defs\/([^/]+)$/.exec(arg);
      if (!name || !root.$defs || !has(root.$defs, name[1])) throw new Error(`schema.js: cannot follow '${arg}'`);
      return sub(root.$defs[name[1]], instance);
    }
    case "type": {
      const ok = [].concat(arg).some((t) => t === type || (t === "number" && type === "integer"));
      return ok ? null : fails();
    }
    case "const":
      return canonical(arg) === canonical(instance) ? null : fails();
    case "enum":
      return arg.some((a) => canonical(a) === canonical(instance)) ? null : fails();
    case "pattern":
      return type !== "string" || compiled(arg).test(instance) ? null : fails();
    case "minimum":
      return (type !== "integer" && type !== "number") || instance >= arg ? null : fails();
    case "maximum":
      return (type !== "integer" && type !== "number") || instance <= arg ? null : fails();
    case "maxLength":
      return type !== "string" || [...instance].length <= arg ? null : fails();
    case "maxItems":
      return type !== "array" || instance.length <= arg ? null : fails();
    case "uniqueItems":
      return !arg || type !== "array" || new Set(instance.map(canonical)).size === instance.length
        ? null
        : fails();
    case "required":
      return type !== "object" || arg.every((k) => has(instance, k)) ? null : fails();
    case "additionalProperties": {
      if (type !== "object") return null;
      const known = schema.properties || {};
      const extra = Object.keys(instance).filter((k) => !has(known, k));
      if (arg === false) return extra.length ? fails(extra.sort(byCodePoint)[0]) : null;
      for (const key of extra) {
        const found = sub(arg, instance[key]);
        if (found !== null) return found;
      }
      return null;
    }
    case "propertyNames":
      if (type !== "object") return null;
      for (const key of Object.keys(instance)) {
        const found = sub(arg, key);
        if (found !== null) return found;
      }
      return null;
    case "properties":
      if (type !== "object") return null;
      for (const [key, schemaOf] of Object.entries(arg)) {
        if (!has(instance, key)) continue;
        const found = sub(schemaOf, instance[key]);
        if (found !== null) return found;
      }
      return null;
    case "items": {
      if (type !== "array") return null;
      let valid; // the same value again (store.js's stand-in for a checked entry) is valid again
      for (const item of instance) {
        if (item === valid) continue;
        const found = sub(arg, item);
        if (found !== null) return found;
        valid = item;
      }
      return null;
    }
    default: // x-messages, $defs (reached through $ref)
      return null;
  }
}
