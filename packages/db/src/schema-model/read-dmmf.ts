// Reads the Prisma schema's DMMF offline through @prisma/prisma-schema-wasm, the schema engine
// compiled to WebAssembly that the Prisma CLI itself uses (its version is the one of the `prisma`
// package's engines, see packages/db/package.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { get_dmmf } from '@prisma/prisma-schema-wasm';

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

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the repository's schema.prisma. */
export const schemaPath = path.resolve(here, '../../../../prisma/schema.prisma');

/** The DMMF document of a schema text (the same JSON that `getDMMF` of @prisma/internals returns). */
export function readDmmf(schemaText: string): { datamodel: Datamodel } {
  let json: string;
  try {
    json = get_dmmf(JSON.stringify({ prismaSchema: schemaText, noColor: true }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`schema.prisma is not valid:\n${message}`);
  }
  return JSON.parse(json) as { datamodel: Datamodel };
}

/** The datamodel of a schema text, or of the repository's schema.prisma. */
export function readDatamodel(schemaText = readFileSync(schemaPath, 'utf8')): Datamodel {
  return readDmmf(schemaText).datamodel;
}
