/**
 * Checks a tool call's input against the tool's JSON schema (the subset in types.ts) before the
 * tool runs. Models do send wrong input — a string for a number, a missing field — and the
 * message goes back to them so they can call again.
 */
import type { JsonSchema } from './types';

export function checkToolInput(schema: JsonSchema, input: unknown): { value: Record<string, unknown> } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: 'the input must be a JSON object' };
  }
  const value = input as Record<string, unknown>;
  for (const name of schema.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      return { error: `"${name}" is required` };
    }
  }
  const props = schema.properties ?? {};
  for (const [name, v] of Object.entries(value)) {
    const prop = props[name];
    if (!prop) {
      if (schema.additionalProperties === false) {
        return { error: `unknown property "${name}" (expected ${Object.keys(props).join(', ')})` };
      }
      continue;
    }
    if (v === undefined || v === null) {
      continue;
    }
    const problem = checkValue(prop, v, name);
    if (problem) {
      return { error: problem };
    }
  }
  return { value };
}

function checkValue(schema: JsonSchema, v: unknown, name: string): string | undefined {
  switch (schema.type) {
    case 'string':
      if (typeof v !== 'string') {
        return `"${name}" must be a string`;
      }
      if (schema.minLength !== undefined && v.length < schema.minLength) {
        return `"${name}" must not be empty`;
      }
      if (schema.maxLength !== undefined && v.length > schema.maxLength) {
        return `"${name}" is longer than ${schema.maxLength} characters`;
      }
      if (schema.enum && !schema.enum.includes(v)) {
        return `"${name}" must be one of ${schema.enum.join(', ')}`;
      }
      return undefined;
    case 'integer':
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || (schema.type === 'integer' && !Number.isInteger(v))) {
        return `"${name}" must be ${schema.type === 'integer' ? 'an integer' : 'a number'}`;
      }
      if (schema.minimum !== undefined && v < schema.minimum) {
        return `"${name}" must be at least ${schema.minimum}`;
      }
      if (schema.maximum !== undefined && v > schema.maximum) {
        return `"${name}" must be at most ${schema.maximum}`;
      }
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `"${name}" must be true or false`;
    case 'array':
      if (!Array.isArray(v)) {
        return `"${name}" must be an array`;
      }
      for (const item of v) {
        const p = schema.items ? checkValue(schema.items, item, `${name}[]`) : undefined;
        if (p) {
          return p;
        }
      }
      return undefined;
    case 'object':
      return typeof v === 'object' && !Array.isArray(v) ? undefined : `"${name}" must be an object`;
  }
}
