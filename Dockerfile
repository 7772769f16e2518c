# One image for all four services; the service is chosen by SERVICE.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json .swcrc ./
COPY libs libs
COPY services services
COPY tools tools
COPY scripts/build-web.js scripts/
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
ARG SERVICE
ENV SERVICE=${SERVICE}
CMD ["sh", "-c", "node dist/services/${SERVICE}/src/main.js"]
