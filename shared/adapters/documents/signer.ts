/**
 * The electronic-signature port's default adapter: signs nothing, and the document says so. An agency
 * with BSrE TTE replaces it with an adapter that calls its signing service (e.g. BSrE's ESign API with
 * the official's certificate) and returns the signed PDF with `signed: true`.
 */
import type { DocumentSigner } from '../../application/ports';

export const notSignedElectronically: DocumentSigner = {
  note: 'Tidak ditandatangani secara elektronik (TTE); keaslian diperiksa dengan kode QR',
  async sign(pdf) {
    return { pdf, signed: false };
  },
};
