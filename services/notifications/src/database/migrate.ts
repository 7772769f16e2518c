import 'reflect-metadata';
import { migrateCommand } from '@ct/persistence';
import { SERVICE } from '../config/notifications.env';
import { notificationsDataSourceOptions } from './data-source';

void migrateCommand(SERVICE, notificationsDataSourceOptions);
