export const WEB_OPTIONS = Symbol('WEB_OPTIONS');

export interface WebOptions {
  /** The dashboard's address as users reach it; taken from each request when null. */
  publicUrl: string | null;
  /** The other services' HTTP APIs as a browser reaches them (each allows the page by CORS). */
  commitmentsUrl: string;
  ingestionUrl: string;
  notificationsUrl: string;
}
