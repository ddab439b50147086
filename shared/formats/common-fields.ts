import { z } from 'zod';
import { parsePortMapping } from './docker-fields';

// Small field types shared by the runbook, environment and answers formats.

/** Ids appear in journals, answers files and URLs: lower-case words joined by - or _. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _ (e.g. "deploy-app")');

/** A non-empty line of text a person reads. */
export const Text = z.string().trim().min(1, 'must not be empty');

/** Values are text; numbers and booleans are accepted and kept as text, as YAML users expect. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value));

export const StringMap = z.record(z.string(), Scalar);

/** argv items: the command and each argument separately, never one shell string. */
export const Argv = z
  .array(Scalar, { error: 'write the command as a list: [program, arg1, arg2]' })
  .min(1, 'needs at least the program to run');

/** Names the hosts an action runs on: `all` (default) or a list of host names. */
export const HostSelector = z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]);

/** A published port as docker writes it: `8080:80`, `127.0.0.1:8080:80`, `8080:80/udp`, or `80`. */
// Parsed as the docker runner parses it: a mapping it would refuse is refused here first.
export const PortMapping = Scalar.pipe(
  z
    .string()
    .refine(
      (text) => parsePortMapping(text) !== undefined,
      'a port mapping such as "8080:80", "127.0.0.1:8080:80" or "8080:80/udp" (ports 1–65535)',
    ),
);

/** An HTTP status code. */
export const HttpStatus = z.number().int().min(100, 'an HTTP status is 100–599').max(599, 'an HTTP status is 100–599');
