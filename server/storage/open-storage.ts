import type { Config } from '../config.ts';
import { localStorage, type FileStorage } from './file-storage.ts';
import { s3Storage } from './s3-storage.ts';

/** The storage the configuration names: the S3 bucket when S3_* are set, else DATA_DIR. */
export function openStorage(config: Pick<Config, 's3' | 'dataDir'>): FileStorage {
  return config.s3 ? s3Storage(config.s3, config.dataDir) : localStorage(config.dataDir);
}
