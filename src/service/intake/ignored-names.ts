/**
 * OS and editor litter, office lock files, and files still being written by a
 * download or copy: never reports. One list for every way files come in (the inbox
 * watcher, `reportflow ingest` walking folders).
 */
const TEMPORARY_FILE =
  /^~\$|~$|\.(tmp|temp|part|partial|crdownload|download|swp|swo|swx|bak|lock)$|^(thumbs\.db|desktop\.ini|icon\r)$/i;

/** Hidden files (a leading dot) and temporary files, by name alone. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || TEMPORARY_FILE.test(name);
}
