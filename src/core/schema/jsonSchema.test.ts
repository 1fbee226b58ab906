import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaFor } from './jsonSchema.ts';

describe('JSON Schema export', () => {
  it.each(Object.keys(JSON_SCHEMAS) as (keyof typeof JSON_SCHEMAS)[])('docs/schemas/%s is up to date (npm run schemas)', (name) => {
    const committed = readFileSync(join(import.meta.dirname, '../../../docs/schemas', name), 'utf8');
    expect(committed).toBe(jsonSchemaFor(name));
  });

  it('lists the required fields and the enumeration values of a log entry', () => {
    const schema = JSON.parse(jsonSchemaFor('log-entry.schema.json'));
    expect(schema.required).toEqual(expect.arrayContaining(['at', 'direction', 'channel', 'author', 'summary']));
    expect(schema.properties.channel.examples).toContain('status-page');
  });
});
