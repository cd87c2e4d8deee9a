// Real IndexedDB semantics in Node: the data layer runs against fake-indexeddb, never a mock of our storage.
import 'fake-indexeddb/auto';
// The English text of errors made by modules that do not load the message files (core/english.ts), as the app and CLI have it.
import '../../src-renderer/src/core/errors';
// Every language's messages, as the CLI has them (the app's window loads one when it is needed).
import '../../src-renderer/src/core/messages-all';
