import { describe, expect, it } from 'vitest';
import { checkSchema } from './testdata/schema-check.ts';

const root = {
  components: {
    schemas: {
      Point: {
        type: 'object',
        properties: { x: { type: 'integer' }, label: { type: ['string', 'null'] } },
        required: ['x', 'label'],
        additionalProperties: false,
      },
      Shape: {
        oneOf: [
          { type: 'object', properties: { kind: { const: 'dot' } }, required: ['kind'] },
          { type: 'object', properties: { kind: { const: 'box' } }, required: ['kind'] },
        ],
      },
    },
  },
};
const point = { $ref: '#/components/schemas/Point' };

describe('checkSchema', () => {
  it.each([
    [{ x: 1, label: null }, point, 0],
    [{ x: 1, label: 'a' }, point, 0],
    [{ x: 1.5, label: 'a' }, point, 1],
    [{ x: 1 }, point, 1],
    [{ x: 1, label: 'a', extra: true }, point, 1],
    [
      [
        { x: 1, label: null },
        { x: 'no', label: null },
      ],
      { type: 'array', items: point },
      1,
    ],
    [{ kind: 'box' }, { $ref: '#/components/schemas/Shape' }, 0],
    [{ kind: 'star' }, { $ref: '#/components/schemas/Shape' }, 1],
    ['c', { enum: ['a', 'b'] }, 1],
    [null, { enum: ['a', null] }, 0],
  ])('checks %j', (value, schema, problems) => {
    expect(checkSchema(value, schema, root)).toHaveLength(problems);
  });
});
