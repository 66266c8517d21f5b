import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import type { TeamsConfig } from '../config.js';

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

/** The newest Teams manifest schema bundled by @microsoft/app-manifest (a test checks it stays the newest). */
export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** File names inside the package; the manifest points at the icons by these names. */
export const PACKAGE_FILES = Object.freeze({ manifest: 'manifest.json', color: 'color.png', outline: 'outline.png' });

/** The colour icon's background; Teams shows it around the icon too. */
export const ACCENT_COLOR = '#4F46E5';

/** What Teams shows about the app (store listing, app details, the bot's command menu). */
const TEXT = Object.freeze({
  fullName: 'Sora\'s Closure: questions and answers about the article',
  shortDescription: 'Answers questions about the article "Sora\'s Closure", quoting its source.',
  fullDescription:
    'Ask about the article "Sora\'s Closure": why OpenAI shut down its Sora video app, the ended Disney deal, ' +
    'where OpenAI is heading, the competition (Seedance) and the article\'s short Microsoft Copilot FAQ. ' +
    'The bot answers only from the article, shows the sentence and section each answer comes from, says plainly ' +
    'when the article does not cover a question, and hands you to a person on request.',
  commands: [
    { title: 'Why did OpenAI shut down Sora?', description: 'Why the Sora video app was closed' },
    { title: 'Tell me about the Disney deal', description: 'What happened to the deal with Disney' },
    { title: 'What is Microsoft Copilot?', description: "The article's short Copilot FAQ" },
    { title: 'help', description: 'What the bot can answer, with example questions' },
  ],
});

/** Chats, channels and group chats; in the last two people @mention the bot. */
const SCOPES = ['personal', 'team', 'groupChat'] as const;

/** The Teams app manifest for the given settings (validate it with validateManifest before use). */
export function buildManifest(config: TeamsConfig): TeamsManifest {
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: config.appVersion,
    id: config.appId,
    developer: { ...config.developer },
    name: { short: config.appName, full: TEXT.fullName },
    description: { short: TEXT.shortDescription, full: TEXT.fullDescription },
    icons: { color: PACKAGE_FILES.color, outline: PACKAGE_FILES.outline },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: config.botId,
        scopes: [...SCOPES],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: [...SCOPES], commands: TEXT.commands.map((command) => ({ ...command })) }],
      },
    ],
    validDomains: [config.publicHost],
  };
}
