/**
 * Model failures as a review outside the editor words them: the fix names an environment
 * variable or a command-line flag, never an editor setting. `configuration` says the user must
 * change something (key, model) rather than retry.
 */
import type { ModelError } from '../../model/modelErrors';

export interface ModelFailure {
  readonly message: string;
  readonly configuration: boolean;
}

export function describeModelFailure(e: ModelError, model: string): ModelFailure {
  switch (e.kind) {
    case 'noKey':
      return { message: 'No Anthropic API key: set ANTHROPIC_API_KEY, or pass --offline for rules and query plans only.', configuration: true };
    case 'auth':
      return { message: 'The Anthropic API rejected the key in ANTHROPIC_API_KEY (401). Set a valid key.', configuration: true };
    case 'forbidden':
      return { message: 'The API key lacks access (403). Check its workspace permissions and that ANTHROPIC_BASE_URL (if set) points at the Anthropic API or a gateway you trust.', configuration: true };
    case 'notFound':
      return { message: `The model '${model}' was not found (404). Pass --model (or set ANTHROPIC_MODEL) to a model your key can use.`, configuration: true };
    case 'rateLimited':
      return { message: `Rate limited by the Anthropic API (429)${e.retryAfterSeconds !== undefined ? `; retry in ${e.retryAfterSeconds} s` : '; retry in a minute'}.`, configuration: false };
    case 'overloaded':
      return { message: 'The Anthropic API is overloaded; retry in a little while.', configuration: false };
    case 'server':
      return { message: `The Anthropic API had an internal error${e.status ? ` (${e.status})` : ''}; retry later.`, configuration: false };
    case 'network':
      return { message: `Could not reach the Anthropic API${e.host ? ` at ${e.host}` : ''}: ${e.message}. Check the network, proxy and ANTHROPIC_BASE_URL.`, configuration: false };
    case 'stalled':
      return { message: `The answer stopped: no data for ${e.idleSeconds ?? '?'} s. Retry, or raise --idle-timeout.`, configuration: false };
    case 'cut':
      return { message: 'The answer was cut off before it finished; what arrived is in the results.', configuration: false };
    case 'cancelled':
      return { message: 'Cancelled; what arrived is in the results.', configuration: false };
    case 'badRequest':
      return { message: `The Anthropic API refused the request${e.status ? ` (${e.status})` : ''}: ${e.message}`, configuration: false };
    default:
      return { message: `Unexpected error talking to the Anthropic API: ${e.message}`, configuration: false };
  }
}
