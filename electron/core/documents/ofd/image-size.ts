/**
 * Pixel size of a PNG (IHDR) or JPEG (first SOFn marker), so an ImageObject's box is the box pdfkit fits the
 * picture into (aspect ratio kept, centred). EXIF orientation is not applied (a seal is a PNG in practice).
 */
export function imageSize(data: Buffer): { width: number; height: number; format: 'PNG' | 'JPEG' } {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), format: 'PNG' };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < data.length) {
      if (data[pos] !== 0xff) {
        pos++;
        continue;
      }
      const marker = data[pos + 1]!;
      if (marker === 0xff || marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos += marker === 0xff ? 1 : 2;
        continue;
      }
      const len = data.readUInt16BE(pos + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(pos + 5), width: data.readUInt16BE(pos + 7), format: 'JPEG' };
      }
      pos += 2 + len;
    }
  }
  throw new Error('not a PNG or JPEG image');
}

/** The box a picture of `size` takes when fitted into w × h at (x, y), centred (pdfkit's fit + align/valign centre). */
export function fitBox(
  size: { width: number; height: number },
  box: { x: number; y: number; w: number; h: number },
): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(box.w / size.width, box.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}
