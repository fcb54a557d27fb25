import type { ApolloServerPlugin } from "@apollo/server";
import { ArgumentNode, visit } from "graphql";
import { badUserInput, withHttpStatus } from "./errors";

/** The path of the first string inside `value` that contains a NUL byte, or undefined. */
export function findNulByte(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNulByte(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulByte(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold a NUL byte; an argument with one would fail inside the database as
 * an internal error. Once per request, before anything executes, the variables and the string
 * literals of the operation are checked, and such input is BAD_USER_INPUT naming where it is.
 */
/** Refused before execution, where Apollo would answer 500 for an error without a status. */
const nulRefusal = (where: string) => withHttpStatus(badUserInput(`${where} contains a NUL character, which cannot be stored`, where), 400);

export function nulByteGuard<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const inVariables = findNulByte(request.variables ?? {}, "$");
          if (inVariables) throw nulRefusal(inVariables);
          let argument: string | undefined;
          visit(document, {
            Argument: { enter: (node: ArgumentNode) => void (argument = node.name.value) },
            StringValue(node) {
              if (node.value.includes("\u0000")) {
                throw nulRefusal(argument ?? "a string");
              }
            },
          });
        },
      };
    },
  };
}

