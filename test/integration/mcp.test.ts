import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { MCP_PROVIDER_ID, mcpServerDefinitions } from '../../src/vscode/mcp/registerMcpServer';
import { api, EXTENSION_ID } from './support';

describe('MCP server definition provider', function () {
  this.timeout(60_000);

  it('package.json declares the provider the extension registers', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const declared = (ext?.packageJSON as { contributes?: { mcpServerDefinitionProviders?: { id: string; label: string }[] } }).contributes?.mcpServerDefinitionProviders ?? [];
    assert.deepEqual(declared.map((p) => p.id), [MCP_PROVIDER_ID]);
  });

  it('lists one stdio server per workspace folder, and that server answers tools/list', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const context = { asAbsolutePath: (p: string) => path.join(ext.extensionPath, p), extension: ext } as unknown as vscode.ExtensionContext;
    const defs = mcpServerDefinitions(context);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(defs.length, folders.length);
    const def = defs[0];
    assert.equal(def.command, process.execPath);
    assert.deepEqual(def.args.slice(1), ['mcp', '--root', folders[0].uri.fsPath]);
    assert.ok(fs.existsSync(def.args[0]), `${def.args[0]} ships with the extension`);

    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...def.env })) {
      if (v !== undefined && v !== null) {
        env[k] = String(v);
      }
    }
    delete env.ANTHROPIC_API_KEY;
    const client = new Client({ name: 'vscode-integration', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: def.command, args: def.args, env, stderr: 'ignore' }));
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      assert.deepEqual(names.slice(0, 2), ['review', 'run_rules']);
    } finally {
      await client.close();
    }
  });
});
