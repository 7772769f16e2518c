# One image for all four services; the service is chosen by SERVICE.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the locked tree (npm ci), without running packages' install scripts.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY nx.json tsconfig.base.json .swcrc ./
COPY libs libs
COPY services services
COPY tools tools
COPY scripts/build-web.js scripts/
RUN npx nx run-many -t build --outputStyle=static --skip-nx-cache && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY scripts/service-entry.js scripts/healthcheck.js scripts/
ARG SERVICE
ENV SERVICE=${SERVICE}
# The image's own unprivileged user (uid 1000), never root.
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.js"]
CMD ["node", "scripts/service-entry.js"]
