/**
 * A defect in a knowledge file. Start-up stops with this message, so it names exactly what an
 * editor has to fix: the file, the entry (by id, or by position when the id itself is the problem)
 * and the problem.
 */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly problem: string,
  ) {
    super(`Knowledge file ${file}, entry ${entry}: ${problem}`);
    this.name = 'KnowledgeError';
  }
}
