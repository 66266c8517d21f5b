import path from 'node:path';
import { projectRoot } from '../config.js';
import { writePreparsedYaml } from '../answering/preparsedYaml.js';

/**
 * Part of `npm run build`: parses the shipped knowledge files into dist/knowledge.parsed.json,
 * which the server reads at start-up instead of parsing the same YAML again (see preparsedYaml.ts).
 */
const root = projectRoot();
const count = writePreparsedYaml(path.join(root, 'knowledge'), path.join(root, 'dist', 'knowledge.parsed.json'));
console.log(`preparsed ${String(count)} knowledge files into dist/knowledge.parsed.json`);
