/** Model failures as the command line words them: the fix names an environment variable or flag, never an editor setting. */
import type { ModelError } from '../../core/model/modelErrors';
import { EXIT, type ExitCode } from '../exitCodes';

export function describeForCli(e: ModelError, model: string): { message: string; exitCode: ExitCode } {
  switch (e.kind) {
    case 'noKey':
      return { message: 'No Anthropic API key: set ANTHROPIC_API_KEY, or pass --offline for rules and query plans only.', exitCode: EXIT.usage };
    case 'auth':
      return { message: 'The Anthropic API rejected the key in ANTHROPIC_API_KEY (401). Set a valid key.', exitCode: EXIT.usage };
    case 'forbidden':
      return { message: 'The API key lacks access (403). Check its workspace permissions and that ANTHROPIC_BASE_URL (if set) points at the Anthropic API or a gateway you trust.', exitCode: EXIT.usage };
    case 'notFound':
      return { message: `The model '${model}' was not found (404). Pass --model (or set ANTHROPIC_MODEL) to a model your key can use.`, exitCode: EXIT.usage };
    case 'rateLimited':
      return { message: `Rate limited by the Anthropic API (429)${e.retryAfterSeconds !== undefined ? `; retry in ${e.retryAfterSeconds} s` : '; retry in a minute'}.`, exitCode: EXIT.modelFailure };
    case 'overloaded':
      return { message: 'The Anthropic API is overloaded; retry in a little while.', exitCode: EXIT.modelFailure };
    case 'server':
      return { message: `The Anthropic API had an internal error${e.status ? ` (${e.status})` : ''}; retry later.`, exitCode: EXIT.modelFailure };
    case 'network':
      return { message: `Could not reach the Anthropic API${e.host ? ` at ${e.host}` : ''}: ${e.message}. Check the network, proxy and ANTHROPIC_BASE_URL.`, exitCode: EXIT.modelFailure };
    case 'stalled':
      return { message: `The answer stopped: no data for ${e.idleSeconds ?? '?'} s. Retry, or raise --idle-timeout.`, exitCode: EXIT.modelFailure };
    case 'cut':
      return { message: 'The answer was cut off before it finished; what arrived is in the results.', exitCode: EXIT.modelFailure };
    case 'cancelled':
      return { message: 'Cancelled; what arrived is in the results.', exitCode: EXIT.modelFailure };
    case 'badRequest':
      return { message: `The Anthropic API refused the request${e.status ? ` (${e.status})` : ''}: ${e.message}`, exitCode: EXIT.modelFailure };
    default:
      return { message: `Unexpected error talking to the Anthropic API: ${e.message}`, exitCode: EXIT.modelFailure };
  }
}
