import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { MANIFEST_VERSION } from './manifest.js';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** Folder of the official Teams schemas bundled by @microsoft/app-manifest, one v<version>/ folder each. */
export function bundledSchemaDir(): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(entry), 'json-schemas', 'teams');
}

/**
 * Checks a manifest against the official Teams JSON schema of the given version, read from the
 * package's bundled copy. The schema is always passed explicitly: called without one,
 * validateAgainstSchema looks the manifest's $schema URL up and may fetch it over the network.
 * Returns the schema errors, one line each ("/bots/0/botId must match pattern ..."); empty when valid.
 */
export async function validateManifest(manifest: unknown, version: string = MANIFEST_VERSION): Promise<string[]> {
  const file = path.join(bundledSchemaDir(), `v${version}`, 'MicrosoftTeams.schema.json');
  // the clean-up the package itself applies to a schema it loads (the regex escapes \a and \v as characters)
  const raw = (await readFile(file, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as ManifestSchema;
  // the library's parameter type lists every manifest kind; the schema decides what is valid
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
}
