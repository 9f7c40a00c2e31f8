// Reads the Prisma schema's DMMF offline through the schema WASM module that
// ships inside the `prisma` CLI package (prisma/build/prisma_schema_build_bg.wasm).
// The CLI bundles its wasm-bindgen glue, so this file provides the few imports
// the module needs; they are matched by name prefix because wasm-bindgen adds a
// hash suffix that changes between Prisma releases.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WasmMemory, WasmTable } from '../wasm-api.ts';
import { webAssembly } from '../wasm-api.ts';

export type DmmfFieldDefault =
  | { name: string; args: unknown[] }
  | string
  | number
  | boolean
  | readonly unknown[]
  | undefined;

export type DmmfField = {
  name: string;
  dbName: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: DmmfFieldDefault;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};

export type DmmfEnum = {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
};

export type DmmfIndexField = {
  name: string;
  sortOrder?: 'asc' | 'desc';
  length?: number;
  operatorClass?: string;
};

export type DmmfIndex = {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string;
  dbName?: string;
  algorithm?: string;
  clustered?: boolean;
  fields: DmmfIndexField[];
};

export type Datamodel = {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
};

type SchemaWasm = {
  memory: WasmMemory;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __wbindgen_externrefs: WasmTable;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
};

const here = path.dirname(fileURLToPath(import.meta.url));
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
let loaded: SchemaWasm | undefined;

/** Absolute path of the repository's schema.prisma. */
export const schemaPath = path.resolve(here, '../../../../prisma/schema.prisma');

function locateWasm(): string {
  const require = createRequire(import.meta.url);
  const cliEntry = require.resolve('prisma/build/index.js');
  return path.join(path.dirname(cliEntry), 'prisma_schema_build_bg.wasm');
}

function loadWasm(): SchemaWasm {
  if (loaded) return loaded;
  const module = new webAssembly.Module(readFileSync(locateWasm()));
  let exports: SchemaWasm | undefined;
  const text = (ptr: number, len: number) => {
    if (!exports) throw new Error('prisma schema wasm is not initialised');
    return decoder.decode(new Uint8Array(exports.memory.buffer, ptr >>> 0, len));
  };
  const handlers: Record<string, (...args: number[]) => unknown> = {
    __wbg_set_message: () => undefined,
    __wbg_Error: (ptr, len) => new Error(text(ptr ?? 0, len ?? 0)),
    __wbg___wbindgen_throw: (ptr, len) => {
      throw new Error(text(ptr ?? 0, len ?? 0));
    },
    __wbindgen_init_externref_table: () => {
      if (!exports) return;
      const table = exports.__wbindgen_externrefs;
      const base = table.grow(4);
      table.set(0, undefined);
      table.set(base, undefined);
      table.set(base + 1, null);
      table.set(base + 2, true);
      table.set(base + 3, false);
    },
  };
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const entry of webAssembly.Module.imports(module)) {
    const prefix = Object.keys(handlers).find(
      (key) => entry.name === key || entry.name.startsWith(`${key}_`),
    );
    if (!prefix) throw new Error(`prisma schema wasm needs an unknown import: ${entry.module}.${entry.name}`);
    const handler = handlers[prefix];
    if (!handler) throw new Error(`no handler for ${prefix}`);
    imports[entry.module] ??= {};
    (imports[entry.module] as Record<string, (...args: number[]) => unknown>)[entry.name] = handler;
  }
  const instance = new webAssembly.Instance(module, imports);
  exports = instance.exports as unknown as SchemaWasm;
  exports.__wbindgen_start();
  loaded = exports;
  return exports;
}

/** The DMMF document of a schema text (the same JSON that `getDMMF` of @prisma/internals returns). */
export function readDmmf(schemaText: string): { datamodel: Datamodel } {
  const wasm = loadWasm();
  const input = encoder.encode(JSON.stringify({ prismaSchema: schemaText, noColor: true }));
  const inputPtr = wasm.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer, inputPtr, input.length).set(input);
  const [ptr, len, errorRef, failed] = wasm.get_dmmf(inputPtr, input.length);
  if (failed) {
    const error = wasm.__wbindgen_externrefs.get(errorRef) as unknown;
    wasm.__externref_table_dealloc(errorRef);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`schema.prisma is not valid:\n${message}`);
  }
  try {
    const json = decoder.decode(new Uint8Array(wasm.memory.buffer, ptr >>> 0, len));
    return JSON.parse(json) as { datamodel: Datamodel };
  } finally {
    wasm.__wbindgen_free(ptr, len, 1);
  }
}

/** The datamodel of a schema text, or of the repository's schema.prisma. */
export function readDatamodel(schemaText = readFileSync(schemaPath, 'utf8')): Datamodel {
  return readDmmf(schemaText).datamodel;
}
