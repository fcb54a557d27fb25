import { Field, InputType } from "type-graphql";
import { URLScalar } from "../common/scalars";
import { SourceKind } from "./source-system.entity";

/** OAuth2 client credentials (Aptic): a token is fetched from `tokenUrl` with the client's id and secret. */
@InputType({ description: "OAuth2 client credentials: the gateway fetches a token from tokenUrl" })
export class OAuth2ClientCredentialsInput {
  @Field(() => URLScalar, { description: "http(s)" })
  tokenUrl: URL;

  @Field(() => String, { description: "The OAuth2 client id the gateway presents at the token URL" })
  clientId: string;

  @Field(() => String, { description: "Write-only: never answered, stored encrypted" })
  clientSecret: string;

  @Field(() => String, { nullable: true, description: "The OAuth2 scope to request, space-separated; null to request none" })
  scope?: string | null;
}

/** How the gateway authenticates to a source: exactly one of the three. Write-only. */
@InputType({ description: "Exactly one of bearerToken, apiKey, oauth2. Write-only: never answered, stored encrypted" })
export class SourceAuthInput {
  @Field(() => String, { nullable: true, description: "Sent as Authorization: Bearer (CRM, invoicing, credit data)" })
  bearerToken?: string | null;

  @Field(() => String, { nullable: true, description: "Sent as X-Api-Key (Aptic)" })
  apiKey?: string | null;

  @Field(() => OAuth2ClientCredentialsInput, { nullable: true, description: "OAuth2 client credentials (Aptic)" })
  oauth2?: OAuth2ClientCredentialsInput | null;
}

@InputType({ description: "A new source system" })
export class CreateSourceSystemInput {
  @Field(() => SourceKind, { description: "Which kind of system the source is, and so which connector reads it" })
  kind: SourceKind;

  @Field(() => String, { description: "1..255 characters" })
  name: string;

  @Field(() => URLScalar, { description: "http(s), without credentials, query or fragment" })
  baseUrl: URL;

  @Field(() => String, { nullable: true, description: "The source's own company id: required for CRM and INVOICING" })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: "Sent as X-Api-Version where the source takes one" })
  apiVersion?: string | null;

  @Field(() => SourceAuthInput, { description: "CRM, INVOICING, CREDIT_DATA: bearerToken; APTIC: oauth2 or apiKey" })
  auth: SourceAuthInput;

  @Field(() => String, { nullable: true, description: "An ISO-8601 duration from PT1M to P366D (PT15M); null: only on request" })
  schedule?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: "Whether the source is synced on its schedule and can be synced by startSync; defaults to true" })
  enabled?: boolean | null;
}

/** A partial patch of a source system; the kind is fixed at creation (a new kind is a new source). */
@InputType({ description: "Changes to a source system: only the fields given change. The kind is fixed at creation" })
export class UpdateSourceSystemInput {
  @Field(() => String, { nullable: true, description: "A new display name, unique in the company; null to leave it unchanged" })
  name?: string | null;

  @Field(() => URLScalar, { nullable: true, description: "The source's API base URL, e.g. https://crm.example.com; null to leave it unchanged" })
  baseUrl?: URL | null;

  @Field(() => String, { nullable: true, description: "null clears it (not for CRM and INVOICING, which need one)" })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: "null clears it" })
  apiVersion?: string | null;

  @Field(() => SourceAuthInput, { nullable: true, description: "Replaces the stored credentials when given" })
  auth?: SourceAuthInput | null;

  @Field(() => String, { nullable: true, description: "null: only on request" })
  schedule?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the source is synced; null to leave it unchanged" })
  enabled?: boolean | null;
}
