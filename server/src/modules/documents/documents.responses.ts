import { z } from 'zod';

// The answers that are files: a .docx or an HTML page, sent as bytes.

/** A document's bytes, sent as they are (a Buffer bypasses the JSON serializer). */
export const fileContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
export const pageContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string' });

export const docxResponse = (description: string) => ({
  description,
  content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: fileContent } },
});
export const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: pageContent } },
});
