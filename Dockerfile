# syntax=docker/dockerfile:1

# ---- build: the full image has the toolchain any native dev dependency might need ----
FROM node:20 AS build
WORKDIR /app
# Manifests first, so editing the source does not invalidate the cached install layer.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# The Explorer's bundle: its libraries are dev dependencies, since only the built files ship.
COPY web ./web
RUN npm run build:web

# ---- production dependencies, installed apart so no dev package reaches the runtime ----
FROM node:20-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---- runtime ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Served at / by src/server/explorer, which finds it at web/dist beside dist/.
COPY --from=build /app/web/dist ./web/dist
# Read at run time relative to the project root: the graph schema on start-up, the seed by
# `node dist/seed/cli.js`.
COPY schema ./schema
COPY seeds ./seeds
# The files stay root-owned, so the server cannot rewrite its own code.
USER node
EXPOSE 4000
# 127.0.0.1 rather than localhost: on Debian localhost also names ::1, which a server listening on
# IPv4 only would refuse. Node 20's global fetch saves installing curl in a slim image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
