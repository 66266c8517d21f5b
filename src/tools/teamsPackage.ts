import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadTeamsConfig, projectRoot } from '../config.js';
import { buildTeamsPackage } from '../teams/buildTeamsPackage.js';
import { MANIFEST_VERSION } from '../teams/manifest.js';
import { TeamsPackageError } from '../teams/TeamsPackageError.js';

/**
 * npm run teams:package [-- --out <file.zip>]
 * Builds the Microsoft Teams app package from the settings (see .env.example, "Microsoft Teams"):
 * manifest.json validated offline against the official schema, and the two icons, zipped.
 * Default output: dist/teams/sora-closure-bot.zip.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadTeamsConfig();
  const out = values.out ?? path.join(projectRoot(), 'dist', 'teams', 'sora-closure-bot.zip');
  const { file } = await buildTeamsPackage(config, out);
  console.log(
    `Teams app package: ${file}\n` +
      `  app "${config.appName}" ${config.appVersion}, Teams app id ${config.appId}\n` +
      `  bot id ${config.botId}, domain ${config.publicHost}, manifest schema v${MANIFEST_VERSION} (validated)\n` +
      'Upload it in Teams: Apps > Manage your apps > Upload an app.',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof TeamsPackageError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
