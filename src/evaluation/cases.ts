import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The evaluation case format of shared/eval/README.md. */
const OUTCOMES = ['answer', 'clarify', 'fallback', 'smalltalk', 'handoff'] as const;
export type ExpectedOutcome = (typeof OUTCOMES)[number];

const caseSchema = z.object({
  id: z.string().min(1),
  topic: z.string().min(1),
  turns: z
    .array(
      z.object({
        say: z.string(),
        expect: z.enum(OUTCOMES),
        include: z.array(z.array(z.string()).min(1)).optional(),
      }),
    )
    .min(1),
});

export type EvalCase = z.infer<typeof caseSchema>;

/** Reads a JSONL case file; a malformed line stops with its line number. */
export function loadCases(file: string): EvalCase[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const cases: EvalCase[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${index + 1}: not valid JSON`);
    }
    const parsed = caseSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}:${index + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid case'}`);
    }
    cases.push(parsed.data);
  });
  return cases;
}

/** The report category of a turn: follow-up conversations are scored on their own. */
export function categoryOf(evalCase: EvalCase, expect: ExpectedOutcome): string {
  if (evalCase.topic === 'context') return 'follow-ups';
  switch (expect) {
    case 'answer':
      return 'in-scope';
    case 'fallback':
      return 'out-of-scope';
    default:
      return expect;
  }
}
