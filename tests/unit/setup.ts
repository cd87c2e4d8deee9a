// Real IndexedDB semantics in Node: the data layer runs against fake-indexeddb, never a mock of our storage.
import 'fake-indexeddb/auto';
// Every language's messages, as the CLI has them (the app's window loads one when it is needed).
import '../../src-renderer/src/core/messages-all';
