import 'reflect-metadata';
import { migrateCommand } from '@ct/persistence';
import { SERVICE } from '../config/dashboard.env';
import { dashboardDataSourceOptions } from './data-source';

void migrateCommand(SERVICE, dashboardDataSourceOptions);
