# syntax=docker/dockerfile:1
# Guichet: one image, run as many identical instances as needed (see compose.yaml and deploy/).
# tsx runs the TypeScript sources directly (it is a runtime dependency), so there is no build step.

FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx included); prebuilt binaries for argon2, PGlite is WebAssembly.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json LICENSE ./
COPY src ./src
COPY seed ./seed
# PGlite keeps its files in /data when DATABASE_URL is empty (single-instance demo): mount a volume.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# node runs as PID 1 (no npm in between, which would not forward signals): SIGTERM reaches
# main.ts, which stops accepting, drains the requests in progress and closes the database.
CMD ["node", "--import", "tsx", "src/main.ts"]
