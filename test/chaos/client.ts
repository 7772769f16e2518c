import type { CorpusDocument } from './corpus';

/**
 * POST a corpus document until ingestion takes it, as a client would:
 * refused connections, timeouts and 5xx are tried again after 250 ms (at
 * `baseUrl(attempt)`, so a client behind a load balancer can move on to
 * another instance); any other 4xx is a test failure. `answerLost`: the
 * answer was 200, the document stored by an attempt whose answer never came back.
 */
export async function postUntilAccepted(
  baseUrl: (attempt: number) => string,
  token: string,
  doc: CorpusDocument,
  timeoutMs = 10_000,
): Promise<{ retries: number; answerLost: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${baseUrl(attempt)}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          title: doc.title,
          text: doc.text,
          language: doc.language,
          published: doc.published,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status === 201) return { retries: attempt, answerLost: false };
      if (res.status === 200) return { retries: attempt, answerLost: true };
      if (res.status < 500)
        throw new Error(`ingestion refused a document: ${res.status} ${await res.text()}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('ingestion refused')) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
