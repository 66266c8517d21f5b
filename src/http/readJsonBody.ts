import type { IncomingMessage } from 'node:http';

/** A request the server refuses, with the status and the short reason the client gets. */
export class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    reason: string,
  ) {
    super(reason);
    this.name = 'BadRequest';
  }
}

/**
 * Reads a JSON body of at most `limit` bytes. Stops reading as soon as the limit is passed, so an
 * oversized upload costs no more memory than the limit.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type !== '' && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new BadRequest(415, 'body must be JSON (Content-Type: application/json)');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BadRequest(413, `body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) {
      req.resume(); // drain the rest so the connection can answer
      throw new BadRequest(413, `body is larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  if (size === 0) throw new BadRequest(400, 'body is empty; send an activity as JSON');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequest(400, 'body is not valid JSON');
  }
}
