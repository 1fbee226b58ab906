// Writes docs/rules.md from the rule registry: `npm run rules-doc`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDocument } from '../src/core/rules/rulesDocument.ts';

writeFileSync(join(import.meta.dirname, '../docs/rules.md'), rulesDocument());
console.log('wrote docs/rules.md');
