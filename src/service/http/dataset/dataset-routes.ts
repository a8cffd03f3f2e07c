import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { countryHistoryFromCountryYears, overviewFromCountryYears } from '../../../dataset/country-overview.js';
import { countryKeyFromText, filterFromQuery, NO_FILTER, type DatasetFilter } from '../../../dataset/dataset-filter.js';
import { DATASET_FORMATS, DATASET_SHAPES, MEDIA_TYPES, type DatasetShape } from '../../../dataset/dataset-formats.js';
import type { ExtractOptions } from '../../../core/options.js';
import { defaultExtractOptions } from '../../../profiles/load-profiles.js';
import type { ServiceConfig } from '../../config.js';
import { datasetMetrics } from '../../dataset/dataset-metrics.js';
import { indexFromSource, scoringFromExtract, type LoadedIndex } from '../../dataset/dataset-index.js';
import { createThreadedExporter } from '../../dataset/export-in-thread.js';
import { ReleasedSourceError, releasedRecordsSource, type ReleasedSourceSpec } from '../../dataset/released-records.js';
import { HttpError } from '../errors.js';
import {
  consistencyPageHtml,
  countryPageHtml,
  notFoundPageHtml,
  overviewPageHtml,
  type IndexFacts,
} from './index-pages.js';
import { INDEX_STYLE, INDEX_STYLE_PATH } from './index-style.js';
import { sendHtml } from '../html-reply.js';

export interface DatasetRoutesOptions {
  /** Where released records are read: PostgreSQL when configured, else the outbox and records.jsonl. */
  source: ReleasedSourceSpec;
  /** Weights score the answers; the tolerance decides when two printed totals differ. */
  extract: ExtractOptions;
  /** The service's metrics registry, for export counts and durations. */
  registry?: Registry | null;
}

/** The options buildApp passes when the caller gave none: the outbox of the app's own folders, default weights. */
export function datasetRoutesOptions(
  config: Pick<ServiceConfig, 'dirs'>,
  given: Omit<DatasetRoutesOptions, 'registry'> | undefined,
  registry: Registry | undefined,
): DatasetRoutesOptions {
  return {
    source: given?.source ?? { kind: 'files', outbox: config.dirs.outbox, data: config.dirs.data, recordsJsonl: null },
    extract: given?.extract ?? defaultExtractOptions(),
    registry: registry ?? null,
  };
}

const FILTER_PROPERTIES = {
  country: { type: 'string', maxLength: 500 },
  year: { type: 'string', maxLength: 200 },
} as const;
const FILTER_QUERY = { type: 'object', additionalProperties: false, properties: FILTER_PROPERTIES } as const;
const EXPORT_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { ...FILTER_PROPERTIES, shape: { type: 'string', enum: DATASET_SHAPES, default: 'long' } },
} as const;

// The desk's policy: nothing inline may run, nothing is fetched from elsewhere.
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type FilterQuery = { country?: string; year?: string };

/**
 * The index across reports: exports (GET /dataset.csv|jsonl|parquet), consistency
 * findings (GET /consistency) and the desk pages under /index. Everything is read
 * from the released records at request time, so a record released a moment ago is in.
 */
export async function datasetRoutes(app: FastifyInstance, options: DatasetRoutesOptions): Promise<void> {
  const source = releasedRecordsSource(options.source);
  const exporter = createThreadedExporter(options.source, options.extract);
  const metrics = datasetMetrics(options.registry ?? null);
  const scoring = scoringFromExtract(options.extract);
  app.addHook('onClose', async () => {
    await exporter.close();
    await source.close();
  });

  const loadIndex = async (filter: DatasetFilter): Promise<LoadedIndex> => {
    try {
      return await indexFromSource(source, options.extract, filter);
    } catch (error) {
      throw unavailable(error);
    }
  };
  const factsOf = (index: LoadedIndex): IndexFacts => ({
    source: source.description,
    records: index.records,
    unplaced: index.unplaced,
    unreadable: index.unreadable,
  });

  for (const format of DATASET_FORMATS) {
    app.get<{ Querystring: FilterQuery & { shape: DatasetShape } }>(
      `/dataset.${format}`,
      { schema: { querystring: EXPORT_QUERY } },
      async (request, reply) => {
        const filter = filterOrBadRequest(request.query);
        const { shape } = request.query;
        const result = await exporter.export({ shape, format, filter }).catch((error: unknown) => {
          throw unavailable(error);
        });
        metrics.exported({ shape, format, rows: result.rows, durationMs: result.durationMs });
        request.log.info(
          {
            shape,
            format,
            rows: result.rows,
            records: result.records,
            unplaced: result.unplaced,
            bytes: result.bytes.length,
            durationMs: Math.round(result.durationMs),
            source: source.description,
            filter:
              request.query.country || request.query.year
                ? { country: request.query.country, year: request.query.year }
                : undefined,
          },
          'dataset exported',
        );
        return reply
          .type(MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="reportflow-${shape}.${format}"`)
          .header('x-reportflow-rows', String(result.rows))
          .header('cache-control', 'no-store')
          .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
      },
    );
  }

  app.get<{ Querystring: FilterQuery }>('/consistency', { schema: { querystring: FILTER_QUERY } }, async (request) => {
    const index = await loadIndex(filterOrBadRequest(request.query));
    return { findings: index.findings, countryYears: index.countryYears.length, ...factsOf(index) };
  });

  app.get(INDEX_STYLE_PATH, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(INDEX_STYLE),
  );

  app.get('/index', async (_request, reply) => {
    const index = await loadIndex(NO_FILTER);
    const summaries = overviewFromCountryYears(index.countryYears, scoring, index.findings);
    return sendPage(reply, 200, overviewPageHtml(summaries, index.findings.length, factsOf(index)));
  });

  app.get<{ Params: { key: string } }>('/index/countries/:key', async (request, reply) => {
    const key = countryKeyFromText(request.params.key) ?? request.params.key;
    const index = await loadIndex({ countries: [key], years: null });
    const history = countryHistoryFromCountryYears(index.countryYears, key, scoring, index.findings);
    if (!history) return sendPage(reply, 404, notFoundPageHtml(request.params.key));
    return sendPage(reply, 200, countryPageHtml(history, factsOf(index)));
  });

  app.get<{ Querystring: FilterQuery }>(
    '/index/consistency',
    { schema: { querystring: FILTER_QUERY } },
    async (request, reply) => {
      const filter = filterOrBadRequest(request.query);
      const index = await loadIndex(filter);
      const only =
        filter.countries?.length === 1 ? (index.countryYears[0]?.country.name ?? filter.countries[0]!) : null;
      return sendPage(reply, 200, consistencyPageHtml(index.findings, factsOf(index), only));
    },
  );
}

function filterOrBadRequest(query: FilterQuery): DatasetFilter {
  const read = filterFromQuery(query);
  if ('problems' in read) throw new HttpError('INVALID_REQUEST', read.problems.join('; '), read.problems);
  return read.filter;
}

function unavailable(error: unknown): unknown {
  return error instanceof ReleasedSourceError ? new HttpError('UNAVAILABLE', error.message) : error;
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return sendHtml(reply, status, html, CSP);
}
