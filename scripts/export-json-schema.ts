// Writes docs/schemas/*.json from the zod schemas: `npm run schemas`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, jsonSchemaFor } from '../src/core/schema/jsonSchema.ts';

const dir = join(import.meta.dirname, '../docs/schemas');
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(JSON_SCHEMAS) as (keyof typeof JSON_SCHEMAS)[]) {
  writeFileSync(join(dir, name), jsonSchemaFor(name));
  console.log(`wrote docs/schemas/${name}`);
}
