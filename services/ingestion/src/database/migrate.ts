import 'reflect-metadata';
import { migrateCommand } from '@ct/persistence';
import { SERVICE } from '../config/ingestion.env';
import { ingestionDataSourceOptions } from './data-source';

void migrateCommand(SERVICE, ingestionDataSourceOptions);
