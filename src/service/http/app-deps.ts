import type { Logger } from 'pino';
import type { ServiceConfig } from '../config.js';
import type { Intake } from '../intake/intake.js';
import type { Metrics } from '../metrics.js';
import type { ParseQueue } from '../queue/bullmq-adapter.js';
import type { RecordsCatalog } from '../review/records-catalog.js';
import type { ReviewService } from '../review/review-service.js';
import type { RecordsStore } from '../store/records-store.js';
import type { DashboardQueue } from './dashboard.js';
import type { DeliveryRoutesOptions } from './delivery-routes.js';
import type { DatasetRoutesOptions } from './dataset/dataset-routes.js';
import type { HealthCheck } from './health-route.js';

/** The parse queue as the API sees it: ask about a job, check health, show the queue on the dashboard. */
export type JobsQueue = Pick<ParseQueue, 'jobState' | 'failureReason' | 'ping' | 'workerCapacity' | 'dashboardQueue'>;

export interface AppDeps {
  /**
   * `auth` says who may call (an app without credentials and not explicitly open
   * refuses to build); `limits` (the largest kept file the review desk reads)
   * defaults to the parser's.
   */
  config: Pick<ServiceConfig, 'http' | 'dirs' | 'auth'> & Partial<Pick<ServiceConfig, 'limits'>>;
  /** Reading records; decisions on held ones go through `review`. */
  store: Pick<RecordsStore, 'get' | 'list' | 'listReviews' | 'folderOf'>;
  /** Approve (store, then release to the sinks) or reject a held record. */
  review: Pick<ReviewService, 'approve' | 'reject'>;
  queue: JobsQueue;
  /** The way in for uploads, shared with the inbox: dedupes by content, then queues. */
  intake: Pick<Intake, 'submit'>;
  logger: Logger;
  /** Defaults to asking the queue's Redis (PING) and BullMQ's worker list. */
  health?: HealthCheck;
  /** When given: GET /metrics. */
  metrics?: Metrics;
  /** When given: the dead-letter and re-release routes under /deliveries. */
  delivery?: DeliveryRoutesOptions['delivery'];
  /** Answers the records browser (GET /review/records, GET /reports); defaults to the record files. */
  catalog?: RecordsCatalog;
  /** Where the index (/dataset.*, /consistency, /index) reads released records; defaults to the app's outbox and default weights. */
  dataset?: Omit<DatasetRoutesOptions, 'registry'>;
  /** Further queues shown on the dashboard beside the parse queue (e.g. deliveries). */
  dashboardQueues?: DashboardQueue[];
}
