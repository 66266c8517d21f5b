// Types of fetchWebChat.mjs (plain JavaScript, it runs before tsc) for the tests that import it.
export interface WebChatPin {
  readonly package: string;
  readonly version: string;
  readonly integrity: string;
  readonly bundleSha256: string;
}
export const PIN_FILE: string;
export const DEFAULT_DEST: string;
export function readPin(file?: string): WebChatPin;
export class FetchError extends Error {}
export function integrityOf(buffer: Uint8Array): string;
export function sha256Of(buffer: Uint8Array): string;
export function readTarEntries(tar: Buffer, wanted: readonly string[]): Map<string, Buffer>;
export function npmPack(spec: string, dir: string): string;
export function fetchWebChat(options?: {
  dest?: string;
  pin?: WebChatPin;
  pack?: (spec: string, dir: string) => string;
}): 'present' | 'fetched';
