/** Limits that keep an import bounded in memory and time, whatever the file. */
export const LIMITS = {
  /** Largest file accepted (checked before any parsing). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Largest total uncompressed size of the parts of an .xlsx (zip-bomb guard, counted while inflating). */
  maxUncompressedBytes: 256 * 1024 * 1024,
  /** Largest ratio uncompressed/compressed of a single zip entry above 8 MB uncompressed (zip-bomb guard). */
  maxEntryRatio: 400,
  /** Most entries in the zip container. */
  maxZipEntries: 5000,
  /** Most data rows read per sheet; further rows are not read (reported). */
  maxRows: 200_000,
  /** Most columns of a sheet or CSV (cells further right are refused before the spreadsheet library runs). */
  maxColumns: 1024,
  /** Longest text accepted in one cell (Excel's own limit). */
  maxCellChars: 32_767,
  /** Most problems listed one by one (the rest are counted). */
  maxProblems: 1000,
  /** Default rows in a preview. */
  previewRows: 20,
  /** Default time limit of the browser worker, in milliseconds. */
  workerTimeoutMs: 60_000,
} as const;
