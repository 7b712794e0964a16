// zod/mini with only the English messages: the full zod build was ~440 KB of the ~600 KB bundle.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { SLASH_COMMAND_NAMES } from '../slashCommands';

/** The persona used when nothing else is chosen or configured. */
export const DEFAULT_PERSONA_ID = 'pragmatic-platform-engineer';

/** Persona ids are kebab-case: lowercase letters and digits in dash-separated words. */
export const PERSONA_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A body (the persona's prompt) larger than this many UTF-8 bytes is refused. */
export const MAX_PERSONA_BODY_BYTES = 32 * 1024;

/** A whole persona file larger than this many characters is refused before it is parsed. */
export const MAX_PERSONA_FILE_CHARS = 128 * 1024;

z.config(en());

const nonEmpty = z.string().check(z.trim(), z.minLength(1, { message: 'must not be empty' }));

const commandsSchema = z.object({
  design: z.optional(nonEmpty),
  scale: z.optional(nonEmpty),
  optimize: z.optional(nonEmpty),
  infra: z.optional(nonEmpty),
  debug: z.optional(nonEmpty),
});

/**
 * The persona front matter. Unknown keys are not errors (they are stripped and reported as
 * warnings by `parsePersona`), so a newer persona file still loads in an older extension.
 */
export const personaFrontMatterSchema = z.object({
  id: z.string().check(
    z.regex(PERSONA_ID_PATTERN, {
      message: 'must be kebab-case: lowercase letters and digits separated by single dashes, e.g. "my-architect"',
    }),
  ),
  name: nonEmpty,
  title: nonEmpty,
  description: nonEmpty.check(z.refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' })),
  principles: z.array(nonEmpty).check(z.minLength(1, { message: 'must list at least one principle' })),
  commands: z.optional(commandsSchema),
  greeting: z.optional(nonEmpty),
  sessionSummary: z.optional(nonEmpty),
  icon: z.optional(
    z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a codicon id such as "tools" (without "$(" and ")")' })),
  ),
  tags: z.optional(z.array(nonEmpty)),
});

export type PersonaFrontMatter = z.infer<typeof personaFrontMatterSchema>;

/** Top-level keys the schema knows, in the order the docs list them. */
export const KNOWN_FRONT_MATTER_KEYS: readonly string[] = Object.keys(personaFrontMatterSchema.shape);

/** Keys allowed under `commands`. */
export const KNOWN_COMMAND_KEYS: readonly string[] = SLASH_COMMAND_NAMES;
