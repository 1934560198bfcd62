/** Placeholder until the SKM capability lands: every route answers 501 with a clear message. */
export const handler = async () => ({
  statusCode: 501,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ title: 'Not Implemented', status: 501, detail: 'Survei SKM belum tersedia', detail_en: 'The SKM survey is not available yet' }),
});
