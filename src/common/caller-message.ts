import { GraphQLError, Kind, type ASTNode } from "graphql";
import { ScalarInputError } from "./scalars";

/**
 * graphql-js's messages about the caller's variables, arguments and document, without the value
 * the caller sent. graphql-js puts it in several places ("Variable "$o" got invalid value <value>
 * at ...; Value <value> does not exist in ..."), graphql-scalars in its own words, and a value is
 * a personnummer, a note or 900 KB of text. What is kept comes from the schema or from graphql-js
 * itself: the variable's name, the path in it, the expected type, and the reasons that hold no
 * value; a reason not known to hold none is dropped.
 */

const NAME = "[_A-Za-z][_0-9A-Za-z]*";
/** A printed type reference: `Int`, `[ClientOrder!]!`. */
const TYPE = "[_A-Za-z\\[\\]!][_0-9A-Za-z\\[\\]!]*";
/** graphql-js's suggestions (schema names; production drops them later). */
const SUGGESTIONS = `(?: Did you mean (?:the enum value )?"${NAME}"(?:,? (?:or )?"${NAME}")*\\?)?`;

const VARIABLE = new RegExp(`^Variable "\\$(${NAME})" got invalid value `);
const LITERAL = new RegExp(`^Expected value of type "(${TYPE})", found `);
const INVALID_ARGUMENT = new RegExp(`^(Argument "${NAME}") has invalid value [\\s\\S]*$`);
const SYNTAX_TOKEN = /^(Syntax Error: (?:Unexpected|Expected [^"]*, found)) (String|BlockString|Int|Float) "[\s\S]*"\.$/;

/** graphql-js's reasons that name only the schema, kept as they are. */
const SAFE_REASONS = [
  `Expected non-nullable type "${TYPE}" not to be null\\.`,
  `Expected type "${NAME}" to be an object\\.`,
  `Expected type "${NAME}"\\.`,
  `Field "${NAME}" of required type "${TYPE}" was not provided\\.`,
  `Field "${NAME}" is not defined by type "${NAME}"\\.${SUGGESTIONS}`,
  `Field "${NAME}" must be non-null\\.`,
  `Exactly one key must be specified for OneOf type "${NAME}"\\.`,
].map((pattern) => new RegExp(`^${pattern}$`));

/** graphql-js's reasons that hold the value, rewritten without it. */
const REWRITES: [RegExp, (...groups: string[]) => string][] = [
  [new RegExp(`^Value "[\\s\\S]*" does not exist in "(${NAME})" enum\\.(${SUGGESTIONS})$`), (type, hint) => `Value does not exist in "${type}" enum.${hint}`],
  [new RegExp(`^Enum "(${NAME})" cannot represent non-(string|enum) value: [\\s\\S]*$`), (type, kind) => `Enum "${type}" cannot represent a non-${kind} value.`],
  [
    /^(Int|Float|String|Boolean|ID) cannot represent (non-integer value|non 32-bit signed integer value|non numeric value|a non string value|a non boolean value|a non-string and non-integer value|value): [\s\S]*$/,
    (type, what) => (what === "value" ? `${type} cannot represent the value.` : `${type} cannot represent ${what}.`),
  ],
  // A caller's key that is no GraphQL name (a safe one is kept above): text of any length.
  [new RegExp(`^Field "[\\s\\S]*" is not defined by type "(${NAME})"\\.${SUGGESTIONS}$`), (type) => `A field is not defined by type "${type}".`],
];

/** A graphql-js reason as it may be shown: itself, rewritten, or null when it isn't known. */
function knownReason(message: string): string | null {
  if (SAFE_REASONS.some((pattern) => pattern.test(message))) return message;
  for (const [pattern, rewrite] of REWRITES) {
    const match = pattern.exec(message);
    if (match) return rewrite(...match.slice(1));
  }
  return null;
}

/** The reason of `error` (a coercion or parse error) without the value, or "" when none is known to hold none. */
function reason(error: Error): string {
  const { message } = error;
  if (error instanceof ScalarInputError) return message;
  const cause = (error as GraphQLError).originalError;
  // A scalar's TypeError, wrapped by coerceInputValue as `Expected type "UUID". <its message>`.
  const wrapped = new RegExp(`^(Expected type "${NAME}"\\.) `).exec(message);
  if (wrapped && cause instanceof Error) return cause instanceof ScalarInputError && message === `${wrapped[1]} ${cause.message}` ? message : wrapped[1];
  return knownReason(message) ?? "";
}

const KINDS: Partial<Record<Kind, string>> = {
  [Kind.STRING]: "a string",
  [Kind.INT]: "an integer",
  [Kind.FLOAT]: "a number",
  [Kind.BOOLEAN]: "a boolean",
  [Kind.ENUM]: "an enum value",
  [Kind.LIST]: "a list",
  [Kind.OBJECT]: "an object",
  [Kind.NULL]: "null",
};

/** `Variable "$o" got invalid value <value> at "o[0].field"; <reason>`: the value goes. */
function variableMessage(name: string, message: string, cause: unknown): string {
  const reasonText = cause instanceof Error && message.endsWith(`; ${cause.message}`) ? reason(cause) : "";
  const prefix = cause instanceof Error ? message.slice(0, message.length - cause.message.length - 2) : "";
  // The path is printed last, from schema field names and list indices, so it can be told from the value.
  const path = new RegExp(`( at "${name}(?:\\.${NAME}|\\[\\d+\\])*")$`).exec(prefix)?.[1] ?? "";
  return `Variable "$${name}" got an invalid value${path}${reasonText ? `; ${reasonText}` : "."}`;
}

/** `Expected value of type "X", found <literal>[; <reason>]`: the literal becomes its kind. */
function literalMessage(type: string, error: unknown): string {
  const node = (error as GraphQLError).nodes?.[0] as ASTNode | undefined;
  const found = node && KINDS[node.kind as Kind] ? `, found ${KINDS[node.kind as Kind]}` : "";
  const cause = (error as GraphQLError).originalError;
  const reasonText = cause instanceof Error && !(cause instanceof GraphQLError) ? reason(cause) : "";
  return `Expected value of type "${type}"${found}${reasonText ? `; ${reasonText}` : "."}`;
}

/**
 * `message` (of `error`, a caller's mistake) without any value the caller sent; messages that
 * hold none pass unchanged.
 */
export function valueFreeMessage(message: string, error: unknown): string {
  const variable = VARIABLE.exec(message);
  if (variable) return variableMessage(variable[1], message, error instanceof GraphQLError ? error.originalError : undefined);
  const literal = LITERAL.exec(message);
  if (literal) return literalMessage(literal[1], error);
  const argument = INVALID_ARGUMENT.exec(message);
  if (argument) return `${argument[1]} has an invalid value.`;
  const token = SYNTAX_TOKEN.exec(message);
  if (token) return `${token[1]} ${token[2]}.`;
  // A scalar's or enum's own error about a literal, reported as it is by graphql-js's validation.
  return knownReason(message) ?? message;
}
