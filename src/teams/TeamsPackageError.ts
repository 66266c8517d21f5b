/** The manifest built from the settings does not pass the official schema; the message lists every error. */
export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';

  constructor(readonly errors: readonly string[]) {
    super(`The Teams manifest does not match the official schema:\n${errors.map((error) => `  - ${error.trim()}`).join('\n')}`);
  }
}
