// jsdom lacks a few browser APIs Ant Design measures with; the components only need them to exist.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMessages } from '../i18n/i18n-context.tsx';

// the app loads its whole Vietnamese dictionary after the login page; components render with it
await loadMessages('vi');

afterEach(() => cleanup());

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
