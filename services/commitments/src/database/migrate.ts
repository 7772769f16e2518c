import 'reflect-metadata';
import { migrateCommand } from '@ct/persistence';
import { SERVICE } from '../config/commitments.env';
import { commitmentsDataSourceOptions } from './data-source';

void migrateCommand(SERVICE, commitmentsDataSourceOptions);
