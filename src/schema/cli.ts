import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { printReelgraphSchema } from './build';

/** npm run schema: writes the SDL that type-graphql builds to schema/schema.graphql. */
const target = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
fs.writeFileSync(target, printReelgraphSchema());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
