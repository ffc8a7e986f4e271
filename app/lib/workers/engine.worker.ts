import { expose } from 'comlink';
import { openBrowserDb } from '../engine/duckdb/browser';
import { createEngine } from '../engine/engine';
import { loadParquetBrowser } from '../io/parquet-browser';
import { startWorkerMonitor } from '../monitor/worker';
import { lazyApi } from './lazy-api';

const MAX_IMPORT_BYTES = 1.5e9;

startWorkerMonitor('engine');

expose(lazyApi(async () => createEngine({ db: await openBrowserDb(), parquet: loadParquetBrowser, maxImportBytes: MAX_IMPORT_BYTES })));
