/**
 * A refusal with the status and the one-line reason the client gets. BadRequest covers bad bodies;
 * this covers the rest (who may ask, what exists, whether an upstream answered).
 */
export class HttpError extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 502 | 503,
    reason: string,
  ) {
    super(reason);
    this.name = 'HttpError';
  }
}
