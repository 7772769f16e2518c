import { Controller, Get, Param, ParseUUIDPipe, Redirect } from '@nestjs/common';
import { itemPageRoute } from '@ct/contracts';

/**
 * GET /items/:id, the link every email, webhook, calendar event and CSV row
 * gives (itemPageUrl): opens the page on the item. No credential is needed
 * to be sent on; the page asks for a sign-in before it shows anything.
 */
@Controller()
export class PageLinksController {
  @Get('items/:id')
  @Redirect()
  item(@Param('id', new ParseUUIDPipe()) id: string) {
    return { url: itemPageRoute(id), statusCode: 302 };
  }
}
