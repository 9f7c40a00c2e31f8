// Cheap requests must not cost the server much: a GraphQL document has at most `maxTokens` tokens,
// and one nested deeper than the parser's stack allows is a syntax error (400), not a crash (500).
// Text with U+0000 (which PostgreSQL cannot store) is refused up front as bad input.
import { GraphQLError, parse } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const maxDocumentTokens = 10_000;

export function documentLimits(maxTokens = maxDocumentTokens): Plugin {
  return {
    onParams({ params }) {
      const nul = (text: unknown) =>
        typeof text === 'string' && (text.includes('\u0000') || text.includes('\\u0000'));
      if (nul(params.query) || nul(JSON.stringify(params.variables ?? null))) {
        throw createGraphQLError('Văn bản chứa ký tự NUL / text must not contain NUL (U+0000) characters', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
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
