# reportflow: one image for the API (`serve --no-workers`) and the workers (`worker`).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-slim
# LibreOffice (headless, without the desktop) converts .doc and RTF reports to DOCX;
# Tesseract reads scans about twice as fast as its WebAssembly build (used without it).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui tesseract-ocr \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_PRETTY=false \
    REPORTFLOW_INBOX=/srv/reportflow/inbox \
    REPORTFLOW_OUTBOX=/srv/reportflow/outbox \
    REPORTFLOW_DATA_DIR=/srv/reportflow/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Named volumes start as copies of these folders, so they are owned by the unprivileged user.
RUN chmod +x dist/src/cli/main.js \
    && ln -s /app/dist/src/cli/main.js /usr/local/bin/reportflow \
    && mkdir -p /srv/reportflow/inbox /srv/reportflow/outbox /srv/reportflow/data \
    && chown -R node:node /srv/reportflow
USER node
EXPOSE 3000
ENTRYPOINT ["reportflow"]
CMD ["serve"]
