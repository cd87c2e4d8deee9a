/**
 * Who the example workspace is attributed to and the one clock its records carry. Kept apart from
 * example.ts (which imports the example's JSON) so that modules such as the sync format can name the
 * example's installation without loading the example itself.
 */
import { formatHlc, nodeIdFromInstallationId, type Hlc } from './hlc';

/** The installation the example is attributed to (the exporter of the CLI's `demo` file). */
export const EXAMPLE_INSTALLATION = { id: '00000000-0000-7000-8000-0000000000a2', name: 'Attaché example workspace' } as const;

/**
 * Every example record carries this one clock, on every installation. Two colleagues who both load the
 * example therefore hold identical records: exchanging files merges them without a single conflict, and
 * the first real edit on either side knowingly replaces the example's value.
 */
export const EXAMPLE_CLOCK: Hlc = formatHlc(Date.UTC(2015, 2, 17, 12, 0), 0, nodeIdFromInstallationId(EXAMPLE_INSTALLATION.id));
