import type * as vscode from 'vscode';

/** Renders the next step for a failed request as a chat button. */
export function renderErrorAction(stream: vscode.ChatResponseStream, action: string | undefined): void {
  if (!action) {
    return;
  }
  if (action === 'setApiKey') {
    stream.button({ command: 'architectPersonas.setApiKey', title: 'Set Anthropic API Key' });
  } else if (action.startsWith('openSettings:')) {
    const setting = action.slice('openSettings:'.length);
    stream.button({ command: 'workbench.action.openSettings', title: `Open Setting ${setting}`, arguments: [setting] });
  } else if (action === 'showLog') {
    stream.button({ command: 'architectPersonas.showLog', title: 'Show Log' });
  }
}
