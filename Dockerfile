# One image for every app; docker-compose picks the app with the command.
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@10.34.8
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile && NEXT_TELEMETRY_DISABLED=1 pnpm build

FROM node:20-bookworm-slim
RUN npm install -g pnpm@10.34.8
WORKDIR /repo
COPY --from=build /repo /repo
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
