/**
 * The languages the engine reads, as one table. A language is a tree-sitter grammar, the node
 * types that mean "loop", "function" and "string" in it, and a query that finds calls; the rules
 * work on the facts this produces (engine/codeFile.ts), never on a grammar's node names.
 * Adding Go or Java is a new entry here.
 */
import type { RuleLanguage } from '../types';

export interface LanguageSpec {
  /** Key of the entry; also the tree-sitter grammar's file stem. */
  readonly grammar: string;
  readonly ruleLanguage: RuleLanguage;
  readonly extensions: readonly string[];
  readonly languageIds: readonly string[];
  /** Line-comment starter, for `architect-ignore`. */
  readonly commentPrefix: string;
  /** Captures @call (the call or `new` expression), @callee and optionally @args. */
  readonly callQuery: string;
  /** Loop node type → the field holding the loop body (a call elsewhere in the loop, e.g. its iterable, runs once). */
  readonly loops: Readonly<Record<string, string>>;
  /** Node types that start a new function scope. */
  readonly functions: readonly string[];
  /** Member access: node type → [object field, property field]. */
  readonly member: { readonly type: string; readonly object: string; readonly property: string };
  /** Argument list node type, keyword-argument node type (Python), object literal type (JS options). */
  readonly argumentList: string;
  readonly keywordArgument?: string;
  readonly objectLiteral?: string;
  /** String node types and the types of their literal pieces and interpolations. */
  readonly strings: {
    readonly literal: readonly string[];
    readonly fragment: readonly string[];
    readonly interpolation: readonly string[];
    /** Implicit concatenation of adjacent literals (Python). */
    readonly concatenated?: string;
  };
  readonly binaryOperator: string;
  readonly identifier: readonly string[];
  /** Variable definitions: node type → [name field, value field]. */
  readonly assignments: Readonly<Record<string, readonly [string, string]>>;
  readonly comment: string;
}

const JS_LOOPS = { for_statement: 'body', for_in_statement: 'body', while_statement: 'body', do_statement: 'body' };
const JS_FUNCTIONS = [
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
];
const JS_CALLS = `
(call_expression function: (_) @callee arguments: (_) @args) @call
(new_expression constructor: (_) @callee arguments: (_)? @args) @call
`;
const JS_COMMON = {
  commentPrefix: '//',
  callQuery: JS_CALLS,
  loops: JS_LOOPS,
  functions: JS_FUNCTIONS,
  member: { type: 'member_expression', object: 'object', property: 'property' },
  argumentList: 'arguments',
  objectLiteral: 'object',
  strings: { literal: ['string', 'template_string'], fragment: ['string_fragment', 'escape_sequence'], interpolation: ['template_substitution'] },
  binaryOperator: 'binary_expression',
  identifier: ['identifier'],
  assignments: { variable_declarator: ['name', 'value'], assignment_expression: ['left', 'right'] } as Record<string, readonly [string, string]>,
  comment: 'comment',
} as const;

export const LANGUAGES: readonly LanguageSpec[] = [
  { ...JS_COMMON, grammar: 'typescript', ruleLanguage: 'typescript', extensions: ['.ts', '.mts', '.cts'], languageIds: ['typescript'] },
  { ...JS_COMMON, grammar: 'tsx', ruleLanguage: 'typescript', extensions: ['.tsx'], languageIds: ['typescriptreact'] },
  {
    ...JS_COMMON,
    grammar: 'javascript',
    ruleLanguage: 'javascript',
    extensions: ['.js', '.mjs', '.cjs', '.jsx'],
    languageIds: ['javascript', 'javascriptreact'],
  },
  {
    grammar: 'python',
    ruleLanguage: 'python',
    extensions: ['.py'],
    languageIds: ['python'],
    commentPrefix: '#',
    callQuery: '(call function: (_) @callee arguments: (_) @args) @call',
    loops: {
      for_statement: 'body',
      while_statement: 'body',
      list_comprehension: 'body',
      set_comprehension: 'body',
      dictionary_comprehension: 'body',
      generator_expression: 'body',
    },
    functions: ['function_definition', 'lambda'],
    member: { type: 'attribute', object: 'object', property: 'attribute' },
    argumentList: 'argument_list',
    keywordArgument: 'keyword_argument',
    strings: {
      literal: ['string'],
      fragment: ['string_content', 'escape_sequence'],
      interpolation: ['interpolation'],
      concatenated: 'concatenated_string',
    },
    binaryOperator: 'binary_operator',
    identifier: ['identifier'],
    assignments: { assignment: ['left', 'right'] },
    comment: 'comment',
  },
];

/** The spec for a file, by VS Code language id first, then extension; undefined when not code we read. */
export function languageFor(path: string, languageId?: string): LanguageSpec | undefined {
  if (languageId) {
    const byId = LANGUAGES.find((l) => l.languageIds.includes(languageId));
    if (byId) {
      return byId;
    }
  }
  const lower = path.toLowerCase();
  return LANGUAGES.find((l) => l.extensions.some((e) => lower.endsWith(e)));
}

export function isSqlFile(path: string, languageId?: string): boolean {
  return languageId === 'sql' || path.toLowerCase().endsWith('.sql');
}
