import * as vscode from 'vscode';
import type { Persona } from '../../core/personas/persona';
import type { PersonaService } from './personaService';

/** A persona in a quick pick (Choose Persona, Start Design Session, Export as Agent). */
export interface PersonaItem extends vscode.QuickPickItem {
  readonly personaId?: string;
  readonly resetToDefault?: boolean;
}

/** One item per loaded persona; `extraDetail` appends to each item's detail line. */
export function personaItems(service: PersonaService, activeId: string | undefined, extraDetail?: (p: Persona) => string): PersonaItem[] {
  return service.all().map((p) => ({
    label: `$(${p.icon ?? 'person'}) ${p.name}`,
    description: p.id === activeId ? `${p.title} (active)` : p.title,
    detail: `${p.description} · ${service.describeSource(p)}${p.tags?.length ? ` · ${p.tags.join(', ')}` : ''}${extraDetail?.(p) ?? ''}`,
    personaId: p.id,
  }));
}

export interface PickPersonaOptions {
  readonly placeholder?: string;
  readonly ignoreFocusOut?: boolean;
}

/** Shows the items with the active persona highlighted; Enter takes the highlighted item. */
export async function pickPersona(
  service: PersonaService,
  title: string,
  items: PersonaItem[],
  activeId: string | undefined,
  options: PickPersonaOptions = {},
): Promise<PersonaItem | undefined> {
  await service.settled();
  const pick = vscode.window.createQuickPick<PersonaItem>();
  pick.title = title;
  pick.placeholder = options.placeholder ?? 'Type to filter by name, title or description';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = options.ignoreFocusOut ?? false;
  pick.items = items;
  const active = items.find((i) => i.personaId === activeId);
  if (active) {
    pick.activeItems = [active];
  }
  try {
    return await new Promise<PersonaItem | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}
