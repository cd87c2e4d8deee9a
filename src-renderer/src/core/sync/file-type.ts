/**
 * How a sync file is named to the operating system: its extension (for save and open dialogs' filters) and
 * its media type. Apart from the format itself so that the shell can name files without loading the exchange.
 */
export const SYNC_FILE_EXTENSION = 'attache';
export const SYNC_MIME_TYPE = 'application/x-attache-sync';
