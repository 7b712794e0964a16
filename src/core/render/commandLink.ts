/**
 * Command links (`[title](command:id?args)`) whose arguments carry model text: fixes, quotes,
 * titles. The arguments must reach the command exactly as rendered, whatever they contain.
 * Pure; no vscode import.
 *
 * What VS Code 1.139 does with a clicked `command:` link in a chat Markdown part (read in its
 * source): the link destination is parsed as Markdown (an unbalanced `)` or a space ends it),
 * the href becomes a URI with `URI.parse`, which percent-decodes the query once, then the
 * command opener runs `decodeURIComponent` on that query again and `JSON.parse`s the result
 * (falling back to the once-decoded text when the second decoding throws). A Markdown value
 * longer than 100,000 characters is cut.
 *
 * So the query is the JSON percent-encoded twice, with every character Markdown or a URI
 * could treat specially (`( ) ' * ! ~`, which encodeURIComponent leaves) encoded too: the
 * destination holds only letters, digits, `-_.` and `%`. Arguments whose link would be long
 * are passed by reference instead (`{ "architectRef": id }`, see ArgumentStore), so no link
 * comes near the Markdown limit.
 */

import { FINDING_COMMANDS, type ChatPart, type RevealFindingArgs } from './chatParts';

/** Longest link destination written inline; longer arguments go by reference. */
export const MAX_INLINE_LINK_CHARS = 12_000;

/** The argument a by-reference link passes instead of the real arguments. */
export interface ArgumentReference {
  readonly architectRef: string;
}

export function isArgumentReference(x: unknown): x is ArgumentReference {
  return typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>).architectRef === 'string';
}

/** Keeps arguments too long for a link, under an id a link can carry. */
export interface ArgumentStore {
  put(args: readonly unknown[]): string;
}

function encodeStrict(s: string): string {
  return encodeURIComponent(s).replace(/[()'*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The query of a `command:` URI that hands `args` to the command unchanged. */
export function encodeCommandArgs(args: readonly unknown[]): string {
  return encodeStrict(encodeURIComponent(JSON.stringify(args)));
}

/** Markdown link text: the title with every character Markdown could act on escaped, on one line. */
export function escapeLinkText(title: string): string {
  return title
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]()<>!#|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&'); // only an entity-like `&…;` needs it
}

export interface CommandLinkOptions {
  readonly tooltip?: string;
  /** Where to keep arguments too long to inline; without one they are always inlined. */
  readonly store?: ArgumentStore;
  readonly maxInlineChars?: number;
}

/** `[title](command:id?args "tooltip")`, with arguments that survive Markdown and both decodings. */
export function commandLink(title: string, command: string, args: readonly unknown[], options: CommandLinkOptions = {}): string {
  let query = encodeCommandArgs(args);
  if (options.store && query.length > (options.maxInlineChars ?? MAX_INLINE_LINK_CHARS)) {
    const ref: ArgumentReference = { architectRef: options.store.put(args) };
    query = encodeCommandArgs([ref]);
  }
  const tip = options.tooltip ? ` "${options.tooltip.replace(/["\\\r\n]/g, (c) => (c === '"' ? "'" : c === '\\' ? '/' : ' '))}"` : '';
  return `[${escapeLinkText(title)}](command:${command}?${query}${tip})`;
}

/** URI.parse's percent-decoding: a run that is not valid UTF-8 is decoded from its next escape on. */
function decodeGracefully(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.length > 3 ? run.slice(0, 3) + decodeGracefully(run.slice(3)) : run;
  }
}

/**
 * What the command receives when a link with this href is clicked, following VS Code's steps
 * (above): one URI percent-decoding, then decodeURIComponent and JSON.parse, with its fallback.
 * For tests and for checking a rendered link; undefined when the href is not a command link.
 */
export function argumentsOfCommandHref(href: string): { command: string; args: unknown[] } | undefined {
  const m = /^command:([^?#]+)(?:\?([^#]*))?/.exec(href);
  if (!m) {
    return undefined;
  }
  const query = (m[2] ?? '').replace(/(%[0-9A-Za-z][0-9A-Za-z])+/g, decodeGracefully);
  let args: unknown = [];
  try {
    args = JSON.parse(decodeURIComponent(query));
  } catch {
    try {
      args = JSON.parse(query);
    } catch {
      args = [];
    }
  }
  return { command: m[1], args: Array.isArray(args) ? args : [args] };
}

/** The Markdown line of a finding's location: `📍 [path:lines](command:revealFinding?…) _(note)_`. */
export function anchorLineMarkdown(
  part: Extract<ChatPart, { kind: 'anchor' }>,
  options: Omit<CommandLinkOptions, 'tooltip'> = {},
): string {
  const args: RevealFindingArgs = {
    uri: part.uri,
    line: part.range.startLine,
    endLine: part.range.endLine,
    ...(part.quote !== undefined ? { quote: part.quote } : {}),
  };
  const link = commandLink(part.title, FINDING_COMMANDS.revealFinding, [args], { ...options, tooltip: `Go to ${part.title}` });
  return `📍 ${link}${part.note ? ` _(${escapeLinkText(part.note)})_` : ''}\n\n`;
}

/** One Markdown line of buttons, `[Copy](command:…) · [Open in SQL Editor](command:…)`. */
export function buttonsLineMarkdown(buttons: ReadonlyArray<Extract<ChatPart, { kind: 'button' }>>, options: Omit<CommandLinkOptions, 'tooltip'> = {}): string {
  return `${buttons.map((b) => commandLink(b.title, b.command, b.arguments, options)).join(' · ')}\n\n`;
}
