/**
 * Starts the fake Anthropic server and prints its URL as the first line of stdout:
 *   node out/test/fakeServer/cli.js [--port N]
 * Control it over HTTP (see fakeAnthropic.ts: /__control/script, /__control/requests, /__control/reset).
 * Stops on SIGINT/SIGTERM or when stdin closes with --exit-on-stdin-close.
 */
import { FakeAnthropicServer } from './fakeAnthropic';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 0;
  const server = new FakeAnthropicServer();
  const { url } = await server.start(Number.isFinite(port) ? port : 0);
  process.stdout.write(`${url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (args.includes('--exit-on-stdin-close')) {
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`fake Anthropic server failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
