import type { Persona, PersonaSourceKind } from './persona';

/** The personas found in each place, each list in the order its files were read. */
export interface PersonaLayers {
  readonly bundled: readonly Persona[];
  readonly user?: readonly Persona[];
  readonly workspace?: readonly Persona[];
}

/** One persona id after precedence is applied. */
export interface ResolvedPersona {
  /** The persona that answers for this id. */
  readonly persona: Persona;
  /** Lower-precedence personas with the same id that it replaces, highest precedence first. */
  readonly overrides: readonly Persona[];
}

/** Two files of the same kind declaring the same id: the first one read is kept. */
export interface DuplicatePersona {
  readonly kept: Persona;
  readonly ignored: Persona;
}

export interface MergedPersonas {
  /** Bundled ids first in bundled order, then ids new in the user folder, then in the workspace. */
  readonly personas: readonly ResolvedPersona[];
  readonly duplicates: readonly DuplicatePersona[];
}

/** Highest precedence first. */
export const PERSONA_PRECEDENCE: readonly PersonaSourceKind[] = ['workspace', 'user', 'bundled'];

/**
 * Applies precedence workspace > user > bundled for personas that share an id. Pure: the result
 * says which persona answers for each id and which ones it overrode.
 */
export function mergePersonas(layers: PersonaLayers): MergedPersonas {
  const duplicates: DuplicatePersona[] = [];
  const byKind: Record<PersonaSourceKind, Map<string, Persona>> = {
    bundled: dedupe(layers.bundled, duplicates),
    user: dedupe(layers.user ?? [], duplicates),
    workspace: dedupe(layers.workspace ?? [], duplicates),
  };

  const order: string[] = [];
  for (const kind of ['bundled', 'user', 'workspace'] as const) {
    for (const id of byKind[kind].keys()) {
      if (!order.includes(id)) {
        order.push(id);
      }
    }
  }

  const personas = order.map((id): ResolvedPersona => {
    const candidates = PERSONA_PRECEDENCE.map((kind) => byKind[kind].get(id)).filter((p): p is Persona => p !== undefined);
    return { persona: candidates[0], overrides: candidates.slice(1) };
  });
  return { personas, duplicates };
}

function dedupe(list: readonly Persona[], duplicates: DuplicatePersona[]): Map<string, Persona> {
  const map = new Map<string, Persona>();
  for (const persona of list) {
    const kept = map.get(persona.id);
    if (kept) {
      duplicates.push({ kept, ignored: persona });
    } else {
      map.set(persona.id, persona);
    }
  }
  return map;
}

const KIND_LABEL: Record<PersonaSourceKind, string> = {
  bundled: 'bundled persona',
  user: 'user file',
  workspace: 'workspace file',
};

/**
 * A one-line account of where a persona came from, e.g.
 * `workspace file .vscode/architects/x.md, overriding bundled persona "Marcus" (pragmatic-platform-engineer)`.
 * `formatPath` turns a source path into what the user should see (e.g. workspace-relative).
 */
export function describePersonaSource(resolved: ResolvedPersona, formatPath: (path: string) => string = (p) => p): string {
  const { persona, overrides } = resolved;
  const head = persona.source.kind === 'bundled' ? `bundled persona (${formatPath(persona.source.path)})` : `${KIND_LABEL[persona.source.kind]} ${formatPath(persona.source.path)}`;
  if (overrides.length === 0) {
    return head;
  }
  const overridden = overrides
    .map((o) => (o.source.kind === 'bundled' ? `bundled persona "${o.name}"` : `${KIND_LABEL[o.source.kind]} ${formatPath(o.source.path)}`))
    .join(' and ');
  return `${head}, overriding ${overridden}`;
}
