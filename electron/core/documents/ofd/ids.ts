/**
 * Object identifiers of one OFD document (ST_ID, GB/T 33190-2016 §7.5): unsigned integers unique in the
 * document, handed out in order, so the last one handed out is CommonData's MaxUnitID.
 */
export class IdAllocator {
  private last = 0;
  next(): number {
    return ++this.last;
  }
  /** The highest identifier used so far (MaxUnitID). */
  get max(): number {
    return this.last;
  }
}
