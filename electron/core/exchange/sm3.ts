/**
 * SM3 (GB/T 32905-2016), the Chinese national hash the records office asks for beside SHA-256. Electron's
 * BoringSSL has no SM3, so the pure-JS `sm-crypto-v2` computes it (checked against the standard's
 * appendix A examples in test/unit/exchange/sm3.test.ts). It hashes a whole buffer at once (the library has
 * no streaming interface); archive items are at most an attachment (≤ 50 MB) or a generated document.
 */
import { sm3 } from 'sm-crypto-v2';

export function sm3Hex(data: Uint8Array): string {
  return sm3(data);
}
