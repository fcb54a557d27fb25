import { registerEnumType } from "type-graphql";
import { CredentialsError, type CredentialsCipher, type SourceCredentials } from "./credentials";

/** Which kind of credentials a source has: what an admin may know of them (never a secret). */
export enum SourceAuthKind {
  BEARER_TOKEN = "BEARER_TOKEN",
  API_KEY = "API_KEY",
  OAUTH2_CLIENT_CREDENTIALS = "OAUTH2_CLIENT_CREDENTIALS",
}

registerEnumType(SourceAuthKind, {
  name: "SourceAuthKind",
  description: "Which kind of credentials a source has (they themselves are write-only)",
  valuesConfig: {
    BEARER_TOKEN: { description: "A static token sent as Authorization: Bearer" },
    API_KEY: { description: "An API key sent in the source's API-key header" },
    OAUTH2_CLIENT_CREDENTIALS: { description: "An OAuth2 client-credentials grant: the gateway fetches and renews access tokens at the token URL" },
  },
});

export function authKindOfCredentials(credentials: SourceCredentials): SourceAuthKind | null {
  if (credentials.oauth2) return SourceAuthKind.OAUTH2_CLIENT_CREDENTIALS;
  if (credentials.apiKey) return SourceAuthKind.API_KEY;
  if (credentials.bearerToken) return SourceAuthKind.BEARER_TOKEN;
  return null;
}

/** The kind of a source's sealed credentials; null when they don't open with this server's key. */
export function authKindOfSealed(cipher: CredentialsCipher, sealed: string): SourceAuthKind | null {
  try {
    return authKindOfCredentials(cipher.decrypt(sealed));
  } catch (error) {
    if (error instanceof CredentialsError) return null;
    throw error;
  }
}
