/**
 * Raised inside the scanner when the input leaves the shape it handles. The caller then parses
 * the whole message again with saxes. The message names the construct and its offset.
 */
export class ScannerFallback extends Error {
  override readonly name = 'ScannerFallback';
}
