import { createHash } from "node:crypto";
import type express from "express";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphqlIde } from "../config";

/** The headers the IDE opens with (development: the development token for the demo company). */
export interface IdeHeaders {
  authorization: string;
  companyId: string;
}

const DEFAULT_QUERY = `# The headers below carry a development token for the demo company.
{
  clients(first: 5) {
    totalCount
    nodes { id name orgNumber countryCode }
  }
}
`;

/**
 * GraphiQL as one self-contained page (GraphiQL 5 with Monaco, fonts and workers inlined, from the
 * npm package @graphql-yoga/render-graphiql): nothing is loaded from the internet. Rendered once,
 * when a browser first asks (the package is 9 MB of script: a process no browser visits never
 * loads it); its one inline script is allowed by hash, the only connection it opens is to this server.
 */
export async function graphiqlPage(endpoint: string, headers?: IdeHeaders): Promise<{ html: string; csp: string }> {
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  const html = renderGraphiQL({
    title: "Client-data gateway · GraphiQL",
    endpoint,
    defaultQuery: headers ? DEFAULT_QUERY : undefined,
    // Opened in the header editor, where they can be changed; never kept in the browser's storage.
    headers: headers ? JSON.stringify({ Authorization: headers.authorization, "X-Company-Id": headers.companyId }, null, 2) : undefined,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: headers ? "headers" : undefined,
  });
  const start = html.indexOf("<script>") + "<script>".length;
  const script = html.slice(start, html.lastIndexOf("</script>"));
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    // Monaco's editor workers are made from blobs of the page's own script.
    "worker-src blob:",
    // Monaco and GraphiQL set style attributes as they lay out.
    "style-src 'unsafe-inline'",
    "font-src data:",
    "img-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, csp };
}

/** Where Sandbox's page sends a browser that could not load Sandbox from Apollo's CDN. */
const FALLBACK_QUERY = "ide=graphiql";

/**
 * A browser opening the endpoint: a GET without a query that prefers HTML to JSON; with
 * GRAPHQL_IDE=sandbox only Sandbox's fallback (`?ide=graphiql`), the rest is Apollo's landing page.
 */
export function wantsGraphiql(req: express.Request, ide: GraphqlIde): boolean {
  if (req.method !== "GET" || req.query.query !== undefined) return false;
  if (ide === "off" || (ide === "sandbox" && req.query.ide !== "graphiql")) return false;
  return req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * Apollo Sandbox's landing page (its script from Apollo's CDN, embedded), which sends the browser
 * to the local GraphiQL when that script could not load (offline, or blocked), instead of only
 * saying "Apollo Sandbox cannot be loaded".
 */
export function sandboxWithFallback(endpoint: string): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart!(service);
      return {
        ...listener,
        async renderLandingPage() {
          const page = await listener!.renderLandingPage!();
          return {
            html: async () => {
              const html = typeof page.html === "string" ? page.html : await page.html();
              // Its second script (nonce'd, so its CSP allows it) runs after the CDN's has loaded or failed.
              return html.replace("new window.EmbeddedSandbox(", `if (!window.EmbeddedSandbox) window.location.replace(${JSON.stringify(`${endpoint}?${FALLBACK_QUERY}`)});\n  else new window.EmbeddedSandbox(`);
            },
          };
        },
      };
    },
  };
}

/** Serves GraphiQL to a browser at the endpoint; anything else goes on to GraphQL. */
export function graphiqlHandler(endpoint: string, ide: GraphqlIde, headers?: IdeHeaders): express.RequestHandler {
  let page: ReturnType<typeof graphiqlPage> | undefined;
  return async (req, res, next) => {
    if (!wantsGraphiql(req, ide)) return next();
    const { html, csp } = await (page ??= graphiqlPage(endpoint, headers));
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    // It may hold a development token: not kept by caches.
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(html);
  };
}
