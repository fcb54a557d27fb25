import type { AuthChecker } from "type-graphql";
import { forbidden } from "../common/errors";
import type { RequestContext } from "../context";

/** `@Authorized("clients:read")`: the token must carry every named scope, else FORBIDDEN naming them. */
export const scopeAuthChecker: AuthChecker<RequestContext> = ({ context }, scopes) => {
  const missing = scopes.filter((scope) => !context.caller.scopes.has(scope));
  if (missing.length > 0) throw forbidden(`This needs the scope ${missing.join(", ")}`);
  return true;
};
