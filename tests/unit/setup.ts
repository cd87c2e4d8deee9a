// Real IndexedDB semantics in Node: the data layer runs against fake-indexeddb, never a mock of our storage.
import 'fake-indexeddb/auto';
