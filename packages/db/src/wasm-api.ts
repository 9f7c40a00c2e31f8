// The few WebAssembly APIs this package uses, typed locally: the shared tsconfig has no DOM
// library and @types/node 20 does not declare the WebAssembly namespace.
export type WasmModule = { readonly __wasmModule?: never };
export type WasmTable = {
  grow(delta: number): number;
  get(index: number): unknown;
  set(index: number, value: unknown): void;
};
export type WasmMemory = { readonly buffer: ArrayBuffer };
export type WasmImport = { module: string; name: string; kind: string };

type WasmApi = {
  Module: { new (bytes: Uint8Array): WasmModule; imports(module: WasmModule): WasmImport[] };
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
  compile(bytes: Uint8Array): Promise<WasmModule>;
};

export const webAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
