/**
 * The shapes the page reads from the services' HTTP APIs: the services' own
 * declarations (libs/contracts/src/http.ts), under the page's names.
 */
export type {
  CommitmentKind as Kind,
  DocumentReceipt as Receipt,
  DocumentView,
  ItemDetailView as ItemDetail,
  ItemPage,
  ItemView as Item,
  OverviewView as Overview,
  StreamedEvent as ChangedEvent,
  UserRole as Role,
} from '@ct/contracts/http';
