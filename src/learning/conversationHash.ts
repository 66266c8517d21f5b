import { createHash } from 'node:crypto';

/**
 * The conversation id as the review log keeps it: a short SHA-256 prefix. Events of one
 * conversation stay linkable (a question, then its clarification pick, then a 👎), but the log
 * holds no id a channel would recognise. Pseudonymous, not anonymous: the question text itself
 * may still say who asked.
 */
export function conversationHash(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
}
