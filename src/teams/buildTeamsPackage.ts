import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TeamsConfig } from '../config.js';
import { drawColorIcon, drawOutlineIcon } from './icons.js';
import { buildManifest, PACKAGE_FILES, type TeamsManifest } from './manifest.js';
import { TeamsPackageError } from './TeamsPackageError.js';
import { validateManifest } from './validateManifest.js';
import { zipFiles } from './zip.js';

export interface TeamsPackage {
  readonly file: string;
  readonly manifest: TeamsManifest;
}

/**
 * Builds the Teams app package (manifest.json, color.png, outline.png at the zip's root) and writes
 * it to outFile, creating its folder. Throws TeamsPackageError, writing nothing, when the manifest
 * does not pass the official schema.
 */
export async function buildTeamsPackage(config: TeamsConfig, outFile: string): Promise<TeamsPackage> {
  const manifest = buildManifest(config);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new TeamsPackageError(errors);
  const zip = zipFiles({
    [PACKAGE_FILES.manifest]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    [PACKAGE_FILES.color]: drawColorIcon(),
    [PACKAGE_FILES.outline]: drawOutlineIcon(),
  });
  const file = path.resolve(outFile);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, zip);
  return { file, manifest };
}
