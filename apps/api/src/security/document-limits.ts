// Cheap requests must not cost the server much: a GraphQL document has at most `maxTokens` tokens,
// and one nested deeper than the parser's stack allows is a syntax error (400), not a crash (500).
// Text with U+0000 (which PostgreSQL cannot store) is refused up front as bad input. Variables
// nested deeper than `maxVariableDepth` are refused before anything reads them, and no list
// argument (`nodes(ids:)`, `proposalIds`, a list inside an input object) may hold more than
// `maxListArgument` items: 10,000 ids from one caller would otherwise hold the server for seconds.
// No String argument (an achievements text, a reason, inside inputs too) is longer than
// `maxTextArgument` characters.
import {
  GraphQLError,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const maxDocumentTokens = 10_000;
export const maxListArgument = 100;
export const maxVariableDepth = 20;
/** the longest text any argument takes (an achievements text, a reason): 5,000 characters */
export const maxTextArgument = 5_000;

/** How deeply a JSON value nests (iterative: a hostile value must not overflow the stack here). */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if (current && typeof current === 'object') {
      for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
    }
  }
  return deepest;
}

/** The first list longer than the cap inside an argument's value, as a path. */
function overlongList(value: unknown, type: GraphQLInputType, path: string): string | null {
  if (isNonNullType(type)) return overlongList(value, type.ofType, path);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    return getNamedType(type).name === 'String' && value.length > maxTextArgument ? `${path} (text)` : null;
  }
  if (isListType(type)) {
    if (!Array.isArray(value)) return null;
    if (value.length > maxListArgument) return path;
    for (const [index, item] of value.entries()) {
      const found = overlongList(item, type.ofType, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  const named = getNamedType(type);
  if (isInputObjectType(named) && typeof value === 'object') {
    for (const [name, field] of Object.entries(named.getFields())) {
      const found = overlongList((value as Record<string, unknown>)[name], field.type, `${path}.${name}`);
      if (found) return found;
    }
  }
  return null;
}

const badInput = (text: string) =>
  createGraphQLError(text, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

export function documentLimits(maxTokens = maxDocumentTokens): Plugin {
  return {
    onParams({ params }) {
      // first: everything below walks the variables
      if (depthOf(params.variables ?? null, maxVariableDepth) > maxVariableDepth) {
        throw badInput(
          `Biến lồng quá sâu / variables are nested too deeply (at most ${maxVariableDepth} levels)`,
        );
      }
      const nul = (text: unknown) =>
        typeof text === 'string' && (text.includes('\u0000') || text.includes('\\u0000'));
      if (nul(params.query) || nul(JSON.stringify(params.variables ?? null))) {
        throw createGraphQLError('Văn bản chứa ký tự NUL / text must not contain NUL (U+0000) characters', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      const typeInfo = new TypeInfo(args.schema);
      let problem: string | null = null;
      visit(
        args.document,
        visitWithTypeInfo(typeInfo, {
          [Kind.ARGUMENT]: (node) => {
            const argument = typeInfo.getArgument();
            if (problem || !argument) return;
            const value = valueFromAST(node.value, argument.type, args.variableValues ?? undefined);
            const field = typeInfo.getFieldDef()?.name ?? '?';
            const found = overlongList(value, argument.type, `${field}.${argument.name}`);
            if (found) problem = found;
          },
        }),
      );
      if (problem) {
        setResultAndStopExecution({
          errors: [
            badInput(
              String(problem).endsWith(' (text)')
                ? `Văn bản quá dài / text too long: ${String(problem).slice(0, -7)} takes at most ${maxTextArgument} characters`
                : `Danh sách quá dài / list too long: ${problem} takes at most ${maxListArgument} items`,
            ),
          ],
        });
      }
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof RangeError) {
            throw new GraphQLError('Syntax Error: the document is nested too deeply.', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            });
          }
          throw error;
        }
      });
    },
  };
}
