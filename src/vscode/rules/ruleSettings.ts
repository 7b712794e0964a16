/** The rules' settings: a master switch `architectPersonas.rules.enabled` and one boolean per rule. */
import * as vscode from 'vscode';
import { RULE_TABLE } from '../../core/rules/ruleTable';
import { SETTINGS_SECTION } from '../common/settings';

export const RULES_MASTER_SETTING = 'rules.enabled';

/** `rules.<id>`, e.g. `rules.n-plus-one`. */
export function ruleSettingKey(ruleId: string): string {
  return `rules.${ruleId}`;
}

/** The ids of the rules enabled for `scope` (empty when the master switch is off). */
export function enabledRuleIds(scope?: vscode.Uri): string[] {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  if (!c.get<boolean>(RULES_MASTER_SETTING, true)) {
    return [];
  }
  return RULE_TABLE.filter((r) => c.get<boolean>(ruleSettingKey(r.id), !r.optIn)).map((r) => r.id);
}

export function affectsRuleSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SETTINGS_SECTION}.rules`);
}

/** Turns a rule off where the user works: the workspace when one is open, else user settings. */
export async function disableRule(ruleId: string): Promise<void> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await c.update(ruleSettingKey(ruleId), false, target);
}
