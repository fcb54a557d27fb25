# The gateway as an image: built in one stage, run in a second that holds only what it needs, as
# the unprivileged `node` user. It expects DATABASE_URL (compose.yaml starts a PostgreSQL for it);
# in production also JWT_SECRET or JWT_JWKS_URL and SOURCE_CREDENTIALS_KEY (see README.md).
# Node 20, as package.json's engines and CI.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a change of the code alone reuses this layer. `npm install`, not `npm ci`:
# see .ci/run (the lockfile omits optional bindings some registries lack).
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY migrations migrations
COPY scripts scripts
COPY bench bench
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
USER node
EXPOSE 4000
# Ready, not only alive: /readyz answers 503 while the database is unreachable or the process drains.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains requests and jobs, then exits: node is PID 1 and handles it itself.
CMD ["node", "dist/src/server.js"]
