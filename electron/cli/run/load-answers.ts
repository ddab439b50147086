import { resolve } from 'node:path';
import { Answers } from '../../../shared/formats/answers-schema';
import { loadYamlWithSchema } from '../../core/formats/load-yaml-with-schema';
import { InvalidRunInputError } from '../../core/run/run-target';

/** Reads an answers file (YAML or JSON), reporting every problem with its position. */
export async function loadAnswers(path: string): Promise<Answers> {
  const loaded = await loadYamlWithSchema(resolve(path), path, Answers);
  if (loaded.missing) throw new InvalidRunInputError(`answers file not found: ${path}`);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (!loaded.value || errors.length > 0) {
    throw new InvalidRunInputError(`answers file ${path} is invalid:`, errors);
  }
  return loaded.value;
}
