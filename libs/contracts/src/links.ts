/**
 * The address of an item's page on the dashboard, as every message the
 * system sends gives it (emails, webhook payloads, calendar events, CSV
 * rows). The dashboard answers this path by opening the page's own route
 * for the item, so one form of link stays valid whatever the page does.
 */
export function itemPageUrl(dashboardUrl: string, itemId: string): string {
  return `${dashboardUrl.replace(/\/+$/u, '')}/items/${encodeURIComponent(itemId)}`;
}

/** Where the page itself shows an item (its hash route). */
export const itemPageRoute = (itemId: string) => `/#/items/${encodeURIComponent(itemId)}`;
