/**
 * How Attaché is packaged into the installers people get (`npm run dist`, see README "Building installers").
 *
 * Kept in TypeScript rather than YAML or the "build" key of package.json: `tsc` checks every key against
 * electron-builder's own `Configuration` type, comments can say why a setting is there, and the packaging
 * test imports this very object instead of re-parsing a file. electron-builder finds it by name
 * (electron-builder.ts at the project root) and loads it with its bundled TypeScript loader.
 */
import type { Configuration } from 'electron-builder';

const config = {
  appId: 'org.attache.desktop',
  productName: 'Attaché',
  copyright: 'Copyright © Attaché contributors',
  // Pinned rather than read from node_modules: electron-builder downloads this exact release (or takes
  // electronDist), so an Electron upgrade is a visible change here as well as in package.json.
  electronVersion: '45.6.1',
  directories: {
    output: 'dist',
    // Icons and any future installer assets; nothing in here is copied into the app.
    buildResources: 'resources/icons',
  },
  // Only the built app goes in: electron-vite has already bundled the sources into out/. The renderer bundles
  // every library it uses (dexie, pdfmake, minisearch…) and the main process imports only Electron and Node,
  // so no node_modules ship: package.json's "dependencies" are there for the CLI, which runs from a checkout.
  // (Were the main process to import a package one day, the packaging test fails until it is let in here.)
  // out/web (the browser build) and out/test-reports belong to the tests; source maps would ship our sources.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map', '!node_modules/**'],
  asar: true,
  // No native modules, so nothing to rebuild against Electron's headers (and no compiler needed to package).
  npmRebuild: false,
  // Installers are published by hand; never upload anything from a build.
  publish: null,
  // An ASCII file name: "Attaché" with its é trips up some download tools, mirrors and shells.
  artifactName: '${name}-${version}-${arch}.${ext}',
  // Fuses are bits in the Electron binary, flipped here before signing, so that the signature covers them.
  electronFuses: {
    // No ELECTRON_RUN_AS_NODE: the app binary cannot be used as a plain Node.js with our signature on it.
    runAsNode: false,
    enableCookieEncryption: true,
    // No NODE_OPTIONS and no --inspect: neither can inject code into, or attach a debugger to, the main process.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Electron checks app.asar against the hash electron-builder embeds (macOS and Windows; Linux has no
    // such check yet, the fuse is harmless there) and loads the app from app.asar only, never from a
    // loose resources/app folder someone put next to it.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer is served from app://attache (src-main/app-url.ts), never file://, so file:// needs no
    // extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  // On Linux, Electron takes the window's app id (WM_CLASS) from desktopName in the app's package.json, else
  // from productName, whose é desktops do not match. With this and syncDesktopName, the window, the
  // attache.desktop menu entry and its icon belong together in docks and task bars.
  extraMetadata: { desktopName: 'attache.desktop' },
  linux: {
    target: ['AppImage', 'deb'],
    syncDesktopName: true,
    category: 'Office',
    icon: 'resources/icons/icon.png',
    // A placeholder address (example.org is reserved): put the real contact here before publishing a .deb.
    maintainer: 'Attaché maintainers <attache@example.org>',
    vendor: 'Attaché',
    synopsis: 'Offline-first briefing assistant for diplomatic missions',
    description: 'Prepare, track and print briefings for visits and meetings, without a server or a network.',
  },
  deb: {
    // The Debian package name must be lower-case ASCII; the menu still shows productName.
    packageName: 'attache',
    // Debian's own naming, which apt and dpkg users expect: attache_0.1.0_amd64.deb.
    artifactName: '${name}_${version}_${arch}.${ext}',
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    // An assisted installer: the user chooses "only for me" or "for all users" (perMachine false shows that
    // choice) and where to install.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'resources/icons/icon.png',
    // Required for notarisation; with it, the fuses above cannot be flipped back without breaking the signature.
    hardenedRuntime: true,
  },
} satisfies Configuration;

export default config;
