/**
 * A small JSON Schema checker for the subset the OpenAPI document uses: type (incl. type arrays),
 * enum, const, properties/required/additionalProperties, items, oneOf, $ref, minimum/maximum.
 * Returns the list of problems, each with a JSON path; empty means valid.
 */
type Schema = Record<string, unknown>;

export function checkSchema(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return checkSchema(value, resolveRef(schema.$ref, root), root, path);
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((s) => checkSchema(value, s, root, path).length === 0).length;
    return passing === 1 ? [] : [`${path}: matches ${passing} of oneOf`];
  }
  if ('const' in schema && value !== schema.const) return [`${path}: expected ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return [`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return [`${path}: below minimum`];
    if (typeof schema.maximum === 'number' && value > schema.maximum) return [`${path}: above maximum`];
  }
  if (Array.isArray(value) && schema.items) {
    return value.flatMap((v, i) => checkSchema(v, schema.items as Schema, root, `${path}[${i}]`));
  }
  if (isObject(value) && schema.properties) return checkObject(value, schema, root, path);
  return [];
}

function checkObject(value: Record<string, unknown>, schema: Schema, root: Schema, path: string): string[] {
  const props = schema.properties as Record<string, Schema>;
  const problems: string[] = [];
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (!(key in value)) problems.push(`${path}.${key}: required`);
  }
  for (const [key, v] of Object.entries(value)) {
    if (props[key]) problems.push(...checkSchema(v, props[key], root, `${path}.${key}`));
    else if (schema.additionalProperties === false) problems.push(`${path}.${key}: not in schema`);
  }
  return problems;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: throw new Error(`schema type ${type} not supported by checkSchema`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)?.[part];
  if (!isObject(node)) throw new Error(`unresolved $ref ${ref}`);
  return node;
}
