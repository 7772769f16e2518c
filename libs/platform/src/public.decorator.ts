import { SetMetadata } from '@nestjs/common';

/** Marks a route that needs no authentication (health checks, sign-in). */
export const IS_PUBLIC = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC, true);
