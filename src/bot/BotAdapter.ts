import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** Why a request was not let in: 401 for a bad or missing token, 503 when the signing keys could not be fetched. */
export class AuthenticationRefused extends Error {
  constructor(
    readonly status: 401 | 503,
    override readonly cause: unknown,
  ) {
    super(status === 401 ? 'the request is not authorized' : 'cannot verify the request right now; try again later');
    this.name = 'AuthenticationRefused';
  }
}

/**
 * CloudAdapter with authentication as a separate step. CloudAdapter.process answers a token with a
 * bad signature or the wrong audience (jsonwebtoken's errors, not botbuilder's AuthenticationError)
 * with a 500 whose body is the library's error message. Checking the token first lets the server
 * answer every refused token with a plain 401, and keep 500 for real failures of a turn.
 */
export class BotAdapter extends CloudAdapter {
  /** Runs one turn for an activity that already passed the HTTP checks; throws AuthenticationRefused before the bot sees a bad request. */
  async processAuthenticated(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader).catch((error: unknown) => {
      throw new AuthenticationRefused(isUnavailable(error) ? 503 : 401, error);
    });
    return this.processActivity(authenticated, activity, logic);
  }
}

/** botbuilder's AuthenticationError carries statusCode 500 when the OpenID metadata or keys could not be loaded. */
function isUnavailable(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 500;
}
