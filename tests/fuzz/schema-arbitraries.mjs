// Turns the OpenAPI document's JSON schemas into fast-check arbitraries: values the schema allows ("valid"),
// and hostile values that a careless server turns into a 500 ("evil": control characters, huge numbers,
// oversized strings and arrays, wrong types).
import fc from 'fast-check';

export function resolve(doc, schema) {
  let current = schema;
  const seen = new Set();
  while (current && current.$ref) {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = current.$ref.replace(/^#\//, '').split('/').reduce((node, key) => node[key], doc);
  }
  // NSwag wraps a nullable reference as { nullable, oneOf: [ { $ref } ] }.
  if (current && Array.isArray(current.oneOf) && current.oneOf.length === 1 && !current.type) {
    return { ...resolve(doc, current.oneOf[0]), nullable: current.nullable ?? false };
  }
  return current ?? {};
}

const controlCharacter = fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code));

/** Text that breaks naive code: NUL and other control characters, odd unicode, emptiness, great length. */
export const evilString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u0007\u001b[31m', '\ud800', '\ufeff', 'Ω≈ç√∫', '🚚📦', '\u202e', "'; DROP TABLE orders;--", '%00', '../../etc/passwd', '<script>alert(1)</script>', 'null', 'NaN', '1e20', '-1'),
  fc.string({ unit: controlCharacter, minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);

export const evilNumber = fc.oneof(
  fc.constantFrom(1e20, -1e20, 7.9e28, 1e308, -1e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, 0, -1, 0.001, 1.5, 99999999999999.99, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const wrongType = fc.constantFrom(null, true, false, [], {}, 5, '5', [null], { unexpected: 1 });

/** Any hostile JSON value. */
export const evilValue = fc.oneof(evilString, evilNumber, wrongType);

function stringArbitrary(schema, doc, fixtures) {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.format) {
    case 'uuid':
    case 'guid':
      return fixtures?.length ? fc.oneof(fc.constantFrom(...fixtures), fc.uuid()) : fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    default: {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? 60, minLength + 200);
      // The schema allows any text: mostly plain ASCII, some of it any unicode at all.
      return fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
      );
    }
  }
}

function numberArbitrary(schema) {
  const integer = schema.type === 'integer';
  const min = schema.minimum ?? (integer ? -1000 : -1000);
  const max = schema.maximum ?? (integer ? 1000 : 1000);
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema allows. `fixtures` names real ids by property name so some requests reach real rows. */
export function validValue(doc, rawSchema, fixtures = {}, name = '', depth = 0) {
  const schema = resolve(doc, rawSchema);
  const inner = (() => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string':
        return stringArbitrary(schema, doc, fixtures[name]);
      case 'integer':
      case 'number':
        return numberArbitrary(schema);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(validValue(doc, schema.items ?? {}, fixtures, name, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
        });
      case 'object':
      default: {
        const properties = schema.properties ?? {};
        if (depth > 4 || Object.keys(properties).length === 0) return fc.constant({});
        const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(doc, property, fixtures, key, depth + 1)]));
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      }
    }
  })();
  return schema.nullable ? fc.option(inner, { nil: null, freq: 8 }) : inner;
}

/** A valid value with one hostile change deep inside it: a field replaced, a required field dropped, an unknown field added. */
export function invalidValue(doc, rawSchema, fixtures = {}) {
  const schema = resolve(doc, rawSchema);
  return fc.tuple(validValue(doc, schema, fixtures), fc.nat(), evilValue, fc.constantFrom('replace', 'drop', 'unknown', 'whole', 'oversized-array')).map(([value, pick, evil, how]) => {
    if (how === 'whole' || value === null || typeof value !== 'object') return evil;
    const paths = collectPaths(value);
    if (paths.length === 0) return how === 'unknown' ? { ...value, unexpectedField: evil } : evil;
    const path = paths[pick % paths.length];
    const copy = structuredClone(value);
    const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
    const last = path[path.length - 1];
    if (how === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (how === 'unknown') {
      const target = parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last]) ? parent[last] : parent;
      if (!Array.isArray(target)) target.unexpectedField = evil;
    } else if (how === 'oversized-array') {
      const arrayPath = paths.find((p) => Array.isArray(p.reduce((node, key) => node[key], copy)));
      if (arrayPath) {
        const array = arrayPath.reduce((node, key) => node[key], copy);
        const item = array[0] ?? evil;
        const parentOfArray = arrayPath.slice(0, -1).reduce((node, key) => node[key], copy);
        parentOfArray[arrayPath[arrayPath.length - 1]] = Array.from({ length: 1000 + (pick % 4000) }, () => item);
      } else {
        parent[last] = evil;
      }
    } else {
      parent[last] = evil;
    }
    return copy;
  });
}

function collectPaths(value, prefix = []) {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [[...prefix, key], ...collectPaths(value[key], [...prefix, key])]);
}
