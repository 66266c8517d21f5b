import type { LocalDirectLine } from '../directline/LocalDirectLine.js';
import { DIRECT_LINE_OPTIONS } from '../directline/options.js';
import { HttpError } from '../http/HttpError.js';
import { refusingStorageOutage } from '../http/storageOutage.js';
import type { Logger } from '../logger.js';
import type { TokenSource, WebChatSession } from './TokenSource.js';

/** Tokens of the in-process Direct Line: the default, no-Azure setup. */
export class LocalTokenSource implements TokenSource {
  readonly kind = 'local';
  readonly connectSources: readonly string[] = [];

  constructor(
    private readonly directLine: LocalDirectLine,
    private readonly log: Logger,
  ) {}

  async issue(): Promise<WebChatSession> {
    const issued = await refusingStorageOutage(this.log, () => this.directLine.open());
    if (!issued) throw new HttpError(503, 'too many conversations at the moment; please try again later');
    return {
      conversationId: issued.conversation.id,
      token: issued.token,
      expires_in: issued.expiresInSeconds,
      domain: DIRECT_LINE_OPTIONS.basePath,
      webSocket: false,
      userId: issued.conversation.userId,
    };
  }
}
